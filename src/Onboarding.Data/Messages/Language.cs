namespace Onboarding.Data.Messages;

/// <summary>The languages a driver can be answered in.</summary>
public enum Language
{
    /// <summary>pt-PT, the default for every caller that does not ask for English.</summary>
    Portuguese,

    /// <summary>English, for the flows published for drivers who do not read Portuguese well.</summary>
    English,
}
