using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Clients.CloudApi;

namespace Onboarding.Bridge.Tests.Clients.CloudApi;

public sealed class CloudApiOptionsValidatorTests
{
    private static CloudApiOptionsValidator Validator(bool cloud, bool sends) =>
        new(Options.Create(new WhatsAppOptions { Transport = cloud ? WhatsAppTransport.CloudApi : WhatsAppTransport.WppConnect }), sends);

    private static CloudApiOptions Complete()
    {
        var options = new CloudApiOptions
        {
            PhoneNumberId = "1098",
            AccessToken = "token-value-that-is-secret",
            AppSecret = "app-secret-value",
            WebhookVerifyToken = "verify-token-value",
        };
        foreach (var purpose in options.RequiredPurposes)
        {
            options.Templates[purpose] = new() { ["pt"] = new CloudTemplate { Name = purpose + "_pt", Language = "pt_PT" } };
        }

        return options;
    }

    [Fact]
    public void With_the_cloud_api_every_missing_setting_is_named_and_no_value_is_printed()
    {
        var result = Validator(cloud: true, sends: true).Validate(null, new CloudApiOptions { ApiVersion = "23", AccessToken = "" });

        result.Failed.ShouldBeTrue();
        var text = string.Join('\n', result.Failures!);
        foreach (var setting in new[] { "PhoneNumberId", "AccessToken", "AppSecret", "WebhookVerifyToken", "ApiVersion",
                     "Templates:status_notice:pt:Name", "Templates:document_reminder:pt:Name", "Templates:nudge:pt:Name" })
        {
            text.ShouldContain("WhatsApp:CloudApi:" + setting);
        }
    }

    [Fact]
    public void Complete_settings_pass_and_a_template_needs_its_language_code()
    {
        Validator(cloud: true, sends: true).Validate(null, Complete()).Succeeded.ShouldBeTrue();

        var options = Complete();
        options.Templates["nudge"]["en"] = new CloudTemplate { Name = "nudge_en" };
        var result = Validator(cloud: true, sends: true).Validate(null, options);
        result.Failed.ShouldBeTrue();
        string.Join('\n', result.Failures!).ShouldContain("Templates:nudge:en");
        result.Failures!.ShouldAllBe(f => !f.Contains("token-value-that-is-secret"));
    }

    [Fact]
    public void A_webhook_only_replica_needs_the_two_webhook_secrets_and_wppconnect_needs_nothing()
    {
        var result = Validator(cloud: true, sends: false).Validate(null, new CloudApiOptions());
        result.Failures!.Count().ShouldBe(2);
        Validator(cloud: true, sends: false).Validate(null, new CloudApiOptions { AppSecret = "s", WebhookVerifyToken = "v" }).Succeeded.ShouldBeTrue();
        Validator(cloud: false, sends: true).Validate(null, new CloudApiOptions()).Succeeded.ShouldBeTrue();
    }

    [Fact]
    public void The_required_purposes_can_be_narrowed_in_configuration()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["WhatsApp:CloudApi:RequiredTemplates:0"] = "status_notice",
        }).Build();
        var options = new CloudApiOptions();
        configuration.GetSection(CloudApiOptions.Section).Bind(options);

        options.RequiredPurposes.ShouldBe(["status_notice"]);
        new CloudApiOptions().RequiredPurposes.Count().ShouldBe(3);
    }

    [Fact]
    public void A_template_falls_back_from_the_status_to_the_purpose_and_to_the_default_language()
    {
        var options = Complete();
        options.Templates["status_notice.rejected"] = new() { ["pt"] = new CloudTemplate { Name = "rejeitada", Language = "pt_PT" } };

        options.TemplateFor("status_notice.rejected", "pt")!.Name.ShouldBe("rejeitada");
        options.TemplateFor("status_notice.approved", "en")!.Name.ShouldBe("status_notice_pt");
        options.TemplateFor("reply", "pt").ShouldBeNull();
        options.TemplateFor(null, "pt").ShouldBeNull();
    }
}
