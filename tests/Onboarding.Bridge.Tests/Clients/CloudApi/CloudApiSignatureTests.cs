using System.Text;
using Onboarding.Bridge.Inbound.Intake;

namespace Onboarding.Bridge.Tests.Clients.CloudApi;

public sealed class CloudApiSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"object":"whatsapp_business_account","entry":[]}""");

    [Fact]
    public void The_hmac_of_the_raw_body_with_the_app_secret_is_accepted_in_either_case()
    {
        var header = CloudApiSignature.Sign("app-secret", Body);

        header.ShouldStartWith("sha256=");
        CloudApiSignature.Verify("app-secret", header, Body).ShouldBeTrue();
        CloudApiSignature.Verify("app-secret", header.ToUpperInvariant().Replace("SHA256=", "sha256=", StringComparison.Ordinal), Body).ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=0123")]
    [InlineData("sha256=zz23456789012345678901234567890123456789012345678901234567890123")]
    public void A_missing_or_malformed_header_is_refused(string? header) =>
        CloudApiSignature.Verify("app-secret", header, Body).ShouldBeFalse();

    [Fact]
    public void Another_secret_or_another_body_is_refused()
    {
        CloudApiSignature.Verify("app-secret", CloudApiSignature.Sign("other", Body), Body).ShouldBeFalse();
        CloudApiSignature.Verify("app-secret", CloudApiSignature.Sign("app-secret", Body), [.. Body, (byte)' ']).ShouldBeFalse();
        CloudApiSignature.Verify("", CloudApiSignature.Sign("", Body), Body).ShouldBeFalse();
    }
}
