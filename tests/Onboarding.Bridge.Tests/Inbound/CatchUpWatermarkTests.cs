using Onboarding.Bridge.Inbound.CatchUp;

namespace Onboarding.Bridge.Tests.Inbound;

/// <summary>Where the catch-up's next pass starts (docs/0053): the newest activity it saw, never ahead of now, never far behind it.</summary>
public sealed class CatchUpWatermarkTests
{
    private const long Now = 1_800_000_000;

    [Fact]
    public void Busy_chats_move_the_watermark_to_the_newest_activity()
    {
        WppConnectCatchUp.NextWatermark(watermark: Now - 600, Now, newestActivity: Now - 5).ShouldBe(Now - 5);
    }

    [Fact]
    public void A_phone_clock_ahead_of_ours_does_not_push_the_watermark_past_now()
    {
        WppConnectCatchUp.NextWatermark(watermark: Now - 600, Now, newestActivity: Now + 3600).ShouldBe(Now);
    }

    [Fact]
    public void An_idle_bridge_stops_re_reading_the_chats_of_its_last_busy_minutes()
    {
        // Traffic stopped at T; passes every 30 s. The next pass reads from the watermark less two minutes.
        const long T = Now - 3600;
        var watermark = WppConnectCatchUp.NextWatermark(T - 30, T + 10, newestActivity: T);
        var rereading = 0;
        for (var pass = T + 40; pass < Now; pass += 30)
        {
            // Chats active at T are read again while T is within the pass's reach.
            if (T >= watermark - 120)
            {
                rereading++;
            }

            watermark = WppConnectCatchUp.NextWatermark(watermark, pass, newestActivity: T >= watermark - 120 ? T : null);
        }

        // At most four minutes of passes (with the watermark held at T, all 118 passes of the hour re-read them).
        rereading.ShouldBeLessThanOrEqualTo(8);
        watermark.ShouldBe(Now - 20 - 120);
    }

    [Fact]
    public void A_watermark_ahead_of_now_stays_where_it_is()
    {
        // What the end-to-end tests store so a pass looks only at chats active from then on.
        WppConnectCatchUp.NextWatermark(watermark: Now + 120, Now, newestActivity: null).ShouldBe(Now + 120);
    }
}
