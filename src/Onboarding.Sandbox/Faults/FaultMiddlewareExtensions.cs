namespace Onboarding.Sandbox.Faults;

public static class FaultMiddlewareExtensions
{
    /// <summary>Puts the switchboard in front of every route.</summary>
    public static IApplicationBuilder UseFaults(this IApplicationBuilder app, FaultSwitchboard faults) =>
        app.Use(async (context, next) =>
        {
            if (await faults.ApplyAsync(context))
            {
                return;
            }

            if (!faults.ShouldLoseAnswer(context))
            {
                await next(context);
                return;
            }

            // Carried out, then the answer goes nowhere and the connection drops before a byte of it is sent.
            var body = context.Response.Body;
            context.Response.Body = Stream.Null;
            try
            {
                await next(context);
            }
            finally
            {
                context.Response.Body = body;
            }

            context.Abort();
        });
}
