using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Onboarding.Bridge.Bot.Nudges;
using Onboarding.Bridge.Clients.Typebot;

namespace Onboarding.Bridge.Tests.Bot.Nudges;

/// <summary>What a nudge says: the question by its group's title in the flow, in the language of the driver's flow.</summary>
public sealed class NudgeTextsTests
{
    private static readonly TypebotOptions TwoFlows = new()
    {
        Flows =
        [
            new TypebotFlowOption { Language = "pt", PublicId = "driver-onboarding", Name = "Português" },
            new TypebotFlowOption { Language = "en", PublicId = "driver-onboarding-en", Name = "English" },
        ],
    };

    [Fact]
    public void The_shipped_flows_give_each_input_its_group()
    {
        var groups = new QuestionGroups(Options.Create(new NudgeOptions()), NullLogger<QuestionGroups>.Instance);

        groups.Of("b_full_name_input").ShouldBe(new QuestionGroup("g_full_name", "Nome completo"));
        groups.Of("b_district_input").ShouldBe(new QuestionGroup("g_district", "Distrito"));
        groups.Of("no-such-block").ShouldBeNull();
        groups.Of(null).ShouldBeNull();
    }

    [Fact]
    public void A_configured_export_describes_the_published_flow_and_an_unreadable_one_is_skipped()
    {
        var export = Path.Combine(Path.GetTempPath(), $"nudge-flow-{Guid.NewGuid():N}.json");
        File.WriteAllText(export, """{"version":"6.1","groups":[{"id":"g_name_v2","title":"O seu nome","blocks":[{"id":"b_full_name_input","type":"text input"}]}]}""");
        try
        {
            var groups = new QuestionGroups(Options.Create(new NudgeOptions { FlowExports = [export, export + ".missing"] }), NullLogger<QuestionGroups>.Instance);

            groups.Of("b_full_name_input").ShouldBe(new QuestionGroup("g_name_v2", "O seu nome"));
            groups.Of("b_nif_input")!.Id.ShouldBe("g_nif");
        }
        finally
        {
            File.Delete(export);
        }
    }

    [Fact]
    public void The_nudge_names_the_question_in_the_drivers_language()
    {
        NudgeTexts.Nudge(TwoFlows, "pt", "Nome completo").ShouldStartWith("Olá! 👋 A sua candidatura ficou a meio, na pergunta «Nome completo».");
        NudgeTexts.Nudge(TwoFlows, "en", "Full name").ShouldStartWith("Hi! 👋 Your application stopped halfway, at the question \"Full name\".");
        NudgeTexts.Nudge(TwoFlows, "en", null).ShouldStartWith("Hi! 👋 Your application stopped halfway. Reply here");
        NudgeTexts.Nudge(TwoFlows, null, null).ShouldContain("escreva PARAR");
        NudgeTexts.Stopped(TwoFlows, "en").ShouldStartWith("All right: we will send you no more reminders.");
    }
}
