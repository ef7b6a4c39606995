using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class VehicleTypesTests
{
    [Theory]
    [InlineData("bicycle", "bicycle")]
    [InlineData("moped", "moped")]
    [InlineData("motorcycle_125", "motorcycle_125")]
    [InlineData("motorcycle", "motorcycle")]
    [InlineData("car", "car")]
    [InlineData("van", "van")]
    [InlineData(" CAR ", "car")]
    [InlineData("Motorcycle_125", "motorcycle_125")]
    [InlineData("Bicicleta", "bicycle")]
    [InlineData("bicicleta elétrica", "bicycle")]
    [InlineData("e-bike", "bicycle")]
    [InlineData("Ciclomotor até 50 cc", "moped")]
    [InlineData("ciclomotor ate 50cc", "moped")]
    [InlineData("scooter", "moped")]
    [InlineData("Scooter 50", "moped")]
    [InlineData("mota 50cc", "moped")]
    [InlineData("Mota até 125 cc", "motorcycle_125")]
    [InlineData("mota ate 125cc", "motorcycle_125")]
    [InlineData("MOTA ATÉ 125 CM³", "motorcycle_125")]
    [InlineData("mota", "motorcycle_125")]
    [InlineData("moto", "motorcycle_125")]
    [InlineData("Mota 125", "motorcycle_125")]
    [InlineData("scooter 125", "motorcycle_125")]
    [InlineData("Motociclo", "motorcycle_125")]
    [InlineData("Mota acima de 125 cc", "motorcycle")]
    [InlineData("mota > 125", "motorcycle")]
    [InlineData("mota +125cc", "motorcycle")]
    [InlineData("mota mais de 125", "motorcycle")]
    [InlineData("Carro", "car")]
    [InlineData("automóvel", "car")]
    [InlineData("AUTOMOVEL", "car")]
    [InlineData("Carrinha", "van")]
    [InlineData("Carrinha até 3,5 t", "van")]
    [InlineData("furgão", "van")]
    [InlineData("furgao", "van")]
    [InlineData("furgoneta", "van")]
    [InlineData("Bicycle", "bicycle")]
    [InlineData("Moped up to 50 cc", "moped")]
    [InlineData("Motorcycle up to 125 cc", "motorcycle_125")]
    [InlineData("Motorcycle over 125 cc", "motorcycle")]
    [InlineData("motorbike", "motorcycle_125")]
    [InlineData("Van up to 3.5 t", "van")]
    public void Known(string raw, string code)
    {
        var r = VehicleTypes.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(code);
    }

    [Theory]
    [InlineData("avião")]
    [InlineData("camião")]
    [InlineData("a pé")]
    [InlineData("xyz")]
    public void Unknown(string raw)
    {
        var r = VehicleTypes.Parse(raw);
        r.Code.ShouldBe("vehicle_type.unknown");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => VehicleTypes.Parse(raw).Code.ShouldBe("vehicle_type.required");

    [Fact]
    public void All_lists_six_types_and_every_label_round_trips()
    {
        VehicleTypes.All.Select(v => v.Code).ShouldBe(["bicycle", "moped", "motorcycle_125", "motorcycle", "car", "van"]);
        foreach (var v in VehicleTypes.All)
        {
            VehicleTypes.Parse(v.LabelPt).Value.ShouldBe(v.Code);
            VehicleTypes.Parse(v.LabelEn).Value.ShouldBe(v.Code);
            VehicleTypes.Parse(v.Code).Value.ShouldBe(v.Code);
        }

        VehicleTypes.LabelPtOf("car").ShouldBe("Carro");
        VehicleTypes.Find("nope").ShouldBeNull();
    }
}
