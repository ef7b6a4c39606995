namespace Onboarding.Data.Messages;

// What the bridge sends a driver who stopped halfway through the bot's questions (docs/0040), and the answer to "parar".
// The stop word in the texts is the first of Nudges:StopKeywords in each language's default.
public static partial class DriverTexts
{
    // {0} is the question the flow waits on (its group's title in the flow).
    public static readonly DriverText NudgeAtQuestion = new("nudge.at_question",
        "Olá! 👋 A sua candidatura ficou a meio, na pergunta «{0}». Responda aqui quando puder e continuamos onde ficou. Para não receber mais lembretes, escreva PARAR.",
        "Hi! 👋 Your application stopped halfway, at the question \"{0}\". Reply here when you can and we will carry on where you left off. To get no more reminders, write STOP.");

    public static readonly DriverText Nudge = new("nudge.plain",
        "Olá! 👋 A sua candidatura ficou a meio. Responda aqui quando puder e continuamos onde ficou. Para não receber mais lembretes, escreva PARAR.",
        "Hi! 👋 Your application stopped halfway. Reply here when you can and we will carry on where you left off. To get no more reminders, write STOP.");

    public static readonly DriverText NudgesStopped = new("nudge.stopped",
        "Combinado: não voltamos a enviar lembretes. As respostas sobre a sua candidatura continuam a chegar aqui.",
        "All right: we will send you no more reminders. News about your application will still reach you here.");
}
