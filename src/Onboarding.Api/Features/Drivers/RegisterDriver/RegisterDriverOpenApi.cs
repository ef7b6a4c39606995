using NJsonSchema;
using NSwag;
using NSwag.Generation.Processors;
using NSwag.Generation.Processors.Contexts;

namespace Onboarding.Api.Features.Drivers.RegisterDriver;

/// <summary>
/// Documents the request body. The endpoint reads the body itself (to answer 400 in the flow's shape instead of
/// ASP.NET's 415 for a wrong content type), so routing metadata cannot describe it without enforcing it.
/// </summary>
internal sealed class RegisterDriverOpenApi : IOperationProcessor
{
    public bool Process(OperationProcessorContext context)
    {
        if (context.OperationDescription.Operation.OperationId != "register_driver_typebot")
        {
            return true;
        }

        var schema = context.SchemaGenerator.Generate(typeof(RegisterDriverRequest), context.SchemaResolver);
        context.OperationDescription.Operation.RequestBody = new OpenApiRequestBody
        {
            IsRequired = true,
            Content =
            {
                ["application/json"] = new OpenApiMediaType
                {
                    Schema = new JsonSchema { Reference = schema.ActualSchema },
                    Example = RegisterDriverExamples.Request,
                },
            },
        };
        return true;
    }
}
