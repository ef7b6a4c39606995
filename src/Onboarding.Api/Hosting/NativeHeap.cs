using System.Runtime.InteropServices;

namespace Onboarding.Api.Hosting;

/// <summary>
/// The C library's allocator, as far as the idle trim needs it (docs/0052). glibc keeps the pages that native code
/// (the JIT, Npgsql's TLS, the runtime's own tables) freed in its arenas, and gives them back to the system only at the
/// top of the main heap; <c>malloc_trim(0)</c> returns every whole free page of every arena. musl (Alpine) has no such
/// call, and its allocator returns memory by itself: there it does nothing.
/// </summary>
internal static class NativeHeap
{
    private static bool _unavailable = !OperatingSystem.IsLinux();

    /// <summary>Returns free allocator pages to the system; false where the C library cannot.</summary>
    public static bool Trim()
    {
        if (_unavailable)
        {
            return false;
        }

        try
        {
            MallocTrim(0);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            _unavailable = true;
            return false;
        }
    }

    // "libc" is mapped by the runtime to the C library's soname (libc.so.6 with glibc).
    [DllImport("libc", EntryPoint = "malloc_trim", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
