namespace Onboarding.Bridge.Clients.Fetching;

/// <summary>
/// An outbound fetch the guard refused (an untrusted origin or redirect, a private address, a file over the cap): the
/// same on every retry, so the row fails at once (<c>RowFailure</c>) and the agents get a note.
/// The message never quotes the URL (it may carry a signed token).
/// </summary>
public sealed class RefusedFetchException(string message) : Exception(message);
