using Onboarding.Api.Hosting;

// The production program: no fake, no Sandbox (that is src/Onboarding.Sandbox, started by ./run.sh).
return await OnboardingApp.RunAsync(args);
