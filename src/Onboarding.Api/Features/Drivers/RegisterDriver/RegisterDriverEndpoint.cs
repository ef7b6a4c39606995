using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using FastEndpoints;
using Onboarding.Api.Auth;
using Onboarding.Api.Errors;
using Onboarding.Api.Observability;
using Onboarding.Data.Documents.Checklist;
using Onboarding.Data.Drivers;
using Onboarding.Data.Idempotency;
using Onboarding.Data.Messages;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>Called by the Typebot flow's HTTP request block; always answers with a body the flow can map.</summary>
public sealed partial class RegisterDriverEndpoint(
    DriverRepository drivers,
    IdempotencyStore idempotency,
    RegistrationChats chats,
    RegistrationConflictNote conflictNote,
    DocumentChecklist checklist,
    TimeProvider clock) : EndpointWithoutRequest
{
    public override void Configure()
    {
        Post("/register_driver_typebot");
        AuthSchemes(ApiKeyAuthenticationHandler.SchemeName);
        Roles(ApiRoles.Typebot);
        Description(d => d
            .WithName("register_driver_typebot")
            .WithTags("Typebot")
            .Produces<RegisterDriverResponse>(201)
            .Produces<RegisterDriverResponse>(200)
            .Produces<FlatError>(400)
            .Produces<FlatError>(401)
            .Produces<FlatError>(409)
            .Produces<FlatError>(422), clearDefaults: true);
        Summary(s =>
        {
            s.Summary = "Register or update a driver from the Typebot flow";
            s.Description = "Idempotent by phone. Values may be strings. Send Idempotency-Key to replay the first answer. " +
                "Messages are in pt-PT, or in English with Accept-Language: en.";
            s.ResponseExamples[201] = RegisterDriverExamples.Created;
            s.ResponseExamples[422] = RegisterDriverExamples.Invalid;
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var language = AnswerLanguage.Of(HttpContext.Request);
        var body = await LenientJsonBody.ReadAsync(HttpContext.Request, RegisterDriverRequest.FieldNames, ct);
        if (body.Fields is null)
        {
            var status = body.Problems.Any(e => e.Field == "body") ? 400 : 422;
            ApiMetrics.Registration("invalid");
            await SendAsync(status, FieldProblem.Render(body.Summary!, body.Problems, language), ct);
            return;
        }

        var actor = User.FindFirstValue(ClaimTypes.Name) ?? ApiRoles.Typebot;
        // Without an Idempotency-Key the idempotency table is neither read nor written, and nothing is hashed.
        var idempotencyKey = HttpContext.Request.Headers["Idempotency-Key"].ToString();
        var keyed = idempotencyKey.Length is > 0 and <= 200;
        var requestHash = keyed ? Convert.ToHexString(SHA256.HashData(body.Raw)) : "";
        if (keyed && await idempotency.FindAsync(actor, idempotencyKey, ct) is { } stored)
        {
            if (stored.RequestHash != requestHash)
            {
                var reused = DriverTexts.IdempotencyKeyReused.With();
                await SendAsync(422, FieldProblem.Render(reused, [FieldProblem.Of("idempotency_key", reused)], language), ct);
                return;
            }

            // The stored answer, in the language of the first call: a retry of the same request asks for the same one.
            HttpContext.Response.Headers["Idempotent-Replayed"] = "true";
            ApiMetrics.Registration("replayed");
            await Send.StringAsync(stored.ResponseBody, stored.StatusCode, "application/json", ct);
            return;
        }

        var (statusCode, response) = await RegisterAsync(RegisterDriverRequest.FromFields(body.Fields), actor, language, ct);
        ApiMetrics.Registration(statusCode switch { 201 => "created", 200 => "updated", 409 => "conflict", _ => "invalid" });
        var json = JsonSerializer.Serialize(response, response.GetType(), ApiErrorWriter.JsonOf(HttpContext));
        if (keyed)
        {
            await idempotency.SaveAsync(actor, idempotencyKey, new StoredResponse(requestHash, statusCode, json), ct);
        }

        await Send.StringAsync(json, statusCode, "application/json", ct);
    }

    private async Task<(int Status, object Body)> RegisterAsync(RegisterDriverRequest request, string actor, Language language, CancellationToken ct)
    {
        var normalised = RegistrationNormaliser.Normalise(request, clock.GetUtcNow().UtcDateTime);
        if (normalised.Registration is not { } registration)
        {
            var problems = normalised.Problems;
            var summary = problems.Count == 1 ? problems[0].Message : DriverTexts.MoreToFix.With(problems[0].Message, problems.Count - 1);
            return (422, FieldProblem.Render(summary, problems, language));
        }

        // A record belongs to the chat that registered it: the driver reads one neutral text for every conflict.
        var chat = await chats.ChatToBindAsync(registration.WaChatId, registration.PhoneE164, ct);
        if (chat is null && registration.WaChatId is not null)
        {
            LogOutcome(Mask.Phone(registration.PhoneE164), RegisterResult.ChatConflict);
            await conflictNote.SendAsync(RegistrationConflictKind.UnverifiedPhone, registration, null, ct);
            return (409, Conflict(language));
        }

        // The approval gate applies to drivers registered while a checklist is configured (docs/0033).
        var gated = checklist.For(registration.VehicleType).Count > 0;
        var outcome = await drivers.RegisterAsync(registration with { WaChatId = chat }, actor, gated, ct);
        LogOutcome(Mask.Phone(registration.PhoneE164), outcome.Result);
        if (outcome.Result is RegisterResult.NifTaken or RegisterResult.ChatConflict)
        {
            var kind = outcome.Result == RegisterResult.NifTaken ? RegistrationConflictKind.Nif : RegistrationConflictKind.Chat;
            await conflictNote.SendAsync(kind, registration, outcome, ct);
            return (409, Conflict(language));
        }

        return outcome.Result switch
        {
            RegisterResult.Created => (201, new RegisterDriverResponse(true, outcome.DriverId!.Value, outcome.Status!, true,
                RegisterDriverMessages.Created(registration.FullName, outcome.DriverId.Value).In(language))),
            RegisterResult.Updated => (200, new RegisterDriverResponse(true, outcome.DriverId!.Value, outcome.Status!, false,
                RegisterDriverMessages.Updated(registration.FullName, outcome.DriverId.Value).In(language))),
            _ => (409, FieldProblem.Render(DriverTexts.RegistrationClosed.With(), [FieldProblem.Of("phone", DriverTexts.RegistrationClosed)], language)),
        };
    }

    // The same field and text whether the NIF, the chat or the phone is in the way: the answer tells nothing of another record.
    private static FlatError Conflict(Language language) =>
        FieldProblem.Render(DriverTexts.RegistrationConflict.With(), [FieldProblem.Of("registration", DriverTexts.RegistrationConflict)], language);

    private Task SendAsync(int status, FlatError error, CancellationToken ct) =>
        Send.StringAsync(JsonSerializer.Serialize(error, ApiErrorWriter.JsonOf(HttpContext)), status, "application/json", ct);

    [LoggerMessage(Level = LogLevel.Information, Message = "Driver registration from {Phone}: {Result}")]
    private partial void LogOutcome(string phone, RegisterResult result);
}
