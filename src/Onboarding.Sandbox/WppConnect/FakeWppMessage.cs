namespace Onboarding.Sandbox.WppConnect;

/// <summary>A message held by the fake, in either direction.</summary>
public sealed class FakeWppMessage
{
    private int _ack;

    public required string Id { get; init; }

    public required string ChatId { get; init; }

    public required bool FromMe { get; init; }

    public required string From { get; init; }

    public required string To { get; init; }

    /// <summary><c>chat</c>, <c>image</c>, <c>document</c>, <c>ptt</c>, <c>location</c>, <c>vcard</c>, <c>revoked</c>…</summary>
    public required string Type { get; set; }

    public string? Body { get; set; }

    public string? Caption { get; init; }

    public string? Mimetype { get; init; }

    public string? Filename { get; init; }

    public byte[]? Media { get; init; }

    public double? Lat { get; init; }

    public double? Lng { get; init; }

    public string? Loc { get; init; }

    public string? QuotedMsgId { get; init; }

    public string? NotifyName { get; init; }

    /// <summary>Fields of other kinds (<c>pollName</c>, <c>pollOptions</c>, <c>vcardList</c>…), copied into the JSON as they are.</summary>
    public Dictionary<string, System.Text.Json.Nodes.JsonNode?> Extra { get; } = [];

    /// <summary>Unix seconds.</summary>
    public required long T { get; init; }

    public bool IsSendFailure { get; init; }

    /// <summary>-1 failed, 0 pending, 1 sent, 2 delivered, 3 read.</summary>
    public int Ack
    {
        get => Volatile.Read(ref _ack);
        set => Volatile.Write(ref _ack, value);
    }

    public bool IsMedia => Media is not null;
}
