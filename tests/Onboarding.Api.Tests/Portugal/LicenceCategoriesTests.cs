using Onboarding.Data.Messages;
using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class LicenceCategoriesTests
{
    [Theory]
    [InlineData("B", new[] { "B" })]
    [InlineData("B, A1", new[] { "A1", "B" })]
    [InlineData("b e am", new[] { "AM", "B" })]
    [InlineData("[\"B\",\"A1\"]", new[] { "A1", "B" })]
    [InlineData("[\"B\", \"A1\", \"B\"]", new[] { "A1", "B" })]
    [InlineData("A1;B", new[] { "A1", "B" })]
    [InlineData("A1 B BE", new[] { "A1", "B", "BE" })]
    [InlineData("B,B,b", new[] { "B" })]
    [InlineData("Categoria B", new[] { "B" })]
    [InlineData("B and A2", new[] { "A2", "B" })]
    [InlineData("c1+e, C1", new[] { "C1", "C1E" })]
    [InlineData("de d d1e d1 ce c c1e c1 be b b1 a a2 a1 am",
        new[] { "AM", "A1", "A2", "A", "B1", "B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE" })]
    [InlineData("A1/B", new[] { "A1", "B" })]
    [InlineData("['B']", new[] { "B" })]
    public void Valid(string raw, string[] expected)
    {
        var r = LicenceCategories.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(expected);
    }

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    [InlineData("[]")]
    [InlineData("nenhuma")]
    [InlineData("Não tenho")]
    [InlineData("none")]
    public void Blank_or_none_is_an_empty_list(string? raw)
    {
        var r = LicenceCategories.Parse(raw);
        r.Ok.ShouldBeTrue();
        r.Value.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("B, X")]
    [InlineData("Z")]
    [InlineData("B1E")]
    [InlineData("carta B de 2010")]
    public void Unknown(string raw)
    {
        var r = LicenceCategories.Parse(raw);
        r.Code.ShouldBe("licence_categories.unknown");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("bicycle", new string[0], null)]
    [InlineData("moped", new[] { "AM" }, 17)]
    [InlineData("moped", new[] { "A1" }, 17)]
    [InlineData("moped", new[] { "A2" }, 20)]
    [InlineData("moped", new[] { "A" }, 30)]
    [InlineData("moped", new[] { "B" }, 30)]
    [InlineData("motorcycle_125", new[] { "A1" }, 18)]
    [InlineData("motorcycle_125", new[] { "A2" }, 18)]
    [InlineData("motorcycle_125", new[] { "A" }, 30)]
    [InlineData("motorcycle_125", new[] { "B" }, 25)]
    [InlineData("motorcycle_125", new[] { "B" }, null)]
    [InlineData("motorcycle", new[] { "A2" }, 20)]
    [InlineData("motorcycle", new[] { "A" }, 30)]
    [InlineData("car", new[] { "B" }, 18)]
    [InlineData("car", new[] { "BE" }, 18)]
    [InlineData("car", new[] { "C" }, 30)]
    [InlineData("van", new[] { "B" }, 18)]
    [InlineData("van", new[] { "C1" }, 30)]
    [InlineData("van", new[] { "C" }, 30)]
    [InlineData("car", new[] { "b" }, 30)]
    public void Allowed(string vehicle, string[] categories, int? age) =>
        LicenceCategories.CheckVehicle(vehicle, categories, age).ShouldBeNull();

    [Theory]
    [InlineData("moped", new string[0], 20, "AM")]
    [InlineData("moped", new[] { "B1" }, 20, "AM")]
    [InlineData("motorcycle_125", new[] { "B" }, 24, "25 anos")]
    [InlineData("motorcycle_125", new[] { "AM" }, 30, "A1")]
    [InlineData("motorcycle", new[] { "A1" }, 30, "A2")]
    [InlineData("motorcycle", new[] { "B" }, 30, "A2")]
    [InlineData("car", new[] { "A" }, 30, "B")]
    [InlineData("car", new string[0], 30, "B")]
    [InlineData("van", new[] { "A", "AM" }, 30, "B")]
    public void Mismatch(string vehicle, string[] categories, int? age, string mentions)
    {
        var f = LicenceCategories.CheckVehicle(vehicle, categories, age);
        f.ShouldNotBeNull();
        f.Code.ShouldBe("licence_categories.vehicle_mismatch");
        f.In(Language.Portuguese).ShouldContain(mentions);
    }

    [Fact]
    public void Unknown_vehicle_type() =>
        LicenceCategories.CheckVehicle("boat", ["B"], 30)!.Code.ShouldBe("vehicle_type.unknown");
}
