using Onboarding.Data.Portugal;

namespace Onboarding.Api.Tests.Portugal;

public class DistrictsTests
{
    [Theory]
    [InlineData("PT-11", "PT-11")]
    [InlineData("pt11", "PT-11")]
    [InlineData("PT 11", "PT-11")]
    [InlineData("11", "PT-11")]
    [InlineData("1", "PT-01")]
    [InlineData("pt-01", "PT-01")]
    [InlineData("PT-20", "PT-20")]
    [InlineData("30", "PT-30")]
    [InlineData("lisboa", "PT-11")]
    [InlineData("LISBOA", "PT-11")]
    [InlineData(" Lisboa ", "PT-11")]
    [InlineData("Évora", "PT-07")]
    [InlineData("Evora", "PT-07")]
    [InlineData("Setubal", "PT-15")]
    [InlineData("Setúbal", "PT-15")]
    [InlineData("Santarem", "PT-14")]
    [InlineData("braganca", "PT-04")]
    [InlineData("Viana do Castelo", "PT-16")]
    [InlineData("viana  do  castelo", "PT-16")]
    [InlineData("Castelo Branco", "PT-05")]
    [InlineData("Vila Real", "PT-17")]
    [InlineData("Porto", "PT-13")]
    [InlineData("acores", "PT-20")]
    [InlineData("Açores", "PT-20")]
    [InlineData("Região Autónoma dos Açores", "PT-20")]
    [InlineData("regiao autonoma dos acores", "PT-20")]
    [InlineData("Madeira", "PT-30")]
    [InlineData("Região Autónoma da Madeira", "PT-30")]
    [InlineData("Distrito de Lisboa", "PT-11")]
    public void Known(string raw, string code)
    {
        var r = Districts.Parse(raw);
        r.Ok.ShouldBeTrue(r.Message);
        r.Value.ShouldBe(code);
    }

    [Theory]
    [InlineData("PT-19")]
    [InlineData("19")]
    [InlineData("0")]
    [InlineData("PT-31")]
    [InlineData("Sintra")]
    [InlineData("Madrid")]
    [InlineData("ES-11")]
    [InlineData("111")]
    public void Unknown(string raw)
    {
        var r = Districts.Parse(raw);
        r.Code.ShouldBe("district.unknown");
        r.Message.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [MemberData(nameof(BlankInput.Values), MemberType = typeof(BlankInput))]
    public void Blank_is_required(string? raw) => Districts.Parse(raw).Code.ShouldBe("district.required");

    [Fact]
    public void All_twenty_in_order_without_pt19()
    {
        Districts.All.Count.ShouldBe(20);
        Districts.All.Select(d => d.Code).ShouldBe(
        [
            "PT-01", "PT-02", "PT-03", "PT-04", "PT-05", "PT-06", "PT-07", "PT-08", "PT-09", "PT-10",
            "PT-11", "PT-12", "PT-13", "PT-14", "PT-15", "PT-16", "PT-17", "PT-18", "PT-20", "PT-30",
        ]);
        foreach (var d in Districts.All)
        {
            Districts.Parse(d.Name).Value.ShouldBe(d.Code);
            Districts.Parse(d.Code).Value.ShouldBe(d.Code);
        }
    }

    [Theory]
    [InlineData("PT-07", "Évora")]
    [InlineData("PT-04", "Bragança")]
    [InlineData("PT-14", "Santarém")]
    [InlineData("PT-15", "Setúbal")]
    [InlineData("PT-20", "Região Autónoma dos Açores")]
    [InlineData("PT-30", "Região Autónoma da Madeira")]
    [InlineData("PT-19", null)]
    [InlineData(null, null)]
    public void Name_of(string? code, string? name) => Districts.NameOf(code).ShouldBe(name);
}
