using Onboarding.Api.Flows.Check;

namespace Onboarding.Api.Tests.Flows;

/// <summary>
/// The key placeholder the engine tests replace with a test key. The contract between the flow and
/// POST /register_driver_typebot is checked by the product itself (<see cref="FlowChecker"/>).
/// </summary>
public static class FlowContract
{
    public const string ApiKeyPlaceholder = RegistrationContract.ApiKeyPlaceholder;
}
