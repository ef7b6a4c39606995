namespace Onboarding.Bridge.Clients.Resilience;

/// <summary>What one API says about its own routes: which calls may be repeated and which wait long.</summary>
public interface IUpstreamCallPolicy
{
    /// <summary>True when repeating the request cannot create a second message, contact or conversation.</summary>
    bool IsRetrySafe(HttpRequestMessage request);

    /// <summary>True when the server legitimately holds the request for a long time.</summary>
    bool IsSlow(HttpRequestMessage request);
}
