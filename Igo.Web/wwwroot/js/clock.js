// Game clocks on the player cards (CardClock.razor), on top of ticking.js. Each clock is a countdown of the time to
// its flag; these formats split it the way each time system is read, in the words ClockText.cs uses:
//   byo-yomi  data-tick-period-ms, data-tick-periods (left when the turn began), data-tick-periods-total
//   Canadian  data-tick-block-ms (the block left when the turn began), data-tick-stones (stones left in it)
// The player's own clock (data-clock-own) is also announced at the moments that matter (overtime begins, a period
// is used, low time, 10 s left) in the clock's live region, and beeps in its last seconds when the player turned
// the sound on (local storage igo.clock-sound, off by default).
(() => {
    const ticking = window.igoTicking;
    const clock = (ms) => ticking.formats.clock(ms, true);
    const span = (ms) => {
        const seconds = Math.ceil(ms / 1000);
        if (seconds < 60) {
            return `${seconds} s`;
        }

        return seconds % 3600 === 0 ? `${seconds / 3600} h` : seconds % 60 === 0 ? `${seconds / 60} min` : clock(ms);
    };
    const stones = (count) => (count === 1 ? "1 stone" : `${count} stones`);

    // Byo-yomi: main time while more than the periods' time is left; then the current period, whose number is the
    // periods left (a period that ends exactly at a boundary is still whole).
    const byoYomi = (ms, data) => {
        const period = Number(data.tickPeriodMs);
        const overtime = Number(data.tickPeriods) * period;
        if (ms > overtime) {
            return { inMain: true, digits: ms - overtime, periodsLeft: Number(data.tickPeriods) };
        }

        const periodsLeft = Math.ceil(ms / period);
        return { inMain: false, digits: ms - (periodsLeft - 1) * period, periodsLeft };
    };

    const canadian = (ms, data) => {
        const block = Number(data.tickBlockMs);
        return ms > block ? { inMain: true, digits: ms - block } : { inMain: false, digits: ms };
    };

    Object.assign(ticking.formats, {
        byoyomi: (ms, _, data) => clock(ms <= 0 ? 0 : byoYomi(ms, data).digits),
        "byoyomi-detail": (ms, _, data) => {
            if (ms <= 0) {
                return "out of time";
            }

            const reading = byoYomi(ms, data);
            return reading.inMain ? `then ${reading.periodsLeft} × ${span(Number(data.tickPeriodMs))}`
                : reading.periodsLeft === 1 ? "byo-yomi, last period"
                : `byo-yomi, ${reading.periodsLeft} of ${data.tickPeriodsTotal} periods left`;
        },
        canadian: (ms, _, data) => clock(ms <= 0 ? 0 : canadian(ms, data).digits),
        "canadian-detail": (ms, _, data) => {
            if (ms <= 0) {
                return "out of time";
            }

            const count = Number(data.tickStones);
            return canadian(ms, data).inMain ? `then ${stones(count)} in ${span(Number(data.tickBlockMs))}` : `${stones(count)} to play`;
        },
    });

    const announce = (text) => {
        const region = document.querySelector("[data-clock-live-region]");
        if (region) {
            // Emptied first, so that the same words said twice are heard twice.
            region.textContent = "";
            setTimeout(() => { region.textContent = text; }, 50);
        }
    };

    const soundOn = () => window.igoSound.on("igo.clock-sound");
    const beep = (high) => window.igoSound.play([high ? 1320 : 880], 0.15, 0.15);

    const crossed = (before, after, mark) => before >= mark && after < mark;
    const seconds = (ms) => Math.ceil(ms / 1000);

    // What to say when the own clock went from `before` to `after` (both: time to the flag), or null.
    const moment = (element, before, after) => {
        const data = element.dataset;
        const low = Number(data.tickLowMs);
        if (after <= 0) {
            return null;
        }

        if (data.tickFormat === "byoyomi") {
            const was = byoYomi(before, data);
            const is = byoYomi(after, data);
            if (was.inMain && !is.inMain) {
                return `Main time is up: byo-yomi, ${stonesOrPeriods(is.periodsLeft, "period")} of ${span(Number(data.tickPeriodMs))}.`;
            }

            if (!is.inMain && is.periodsLeft < was.periodsLeft) {
                return is.periodsLeft === 1 ? "Last byo-yomi period." : `${is.periodsLeft} byo-yomi periods left.`;
            }
        }

        if (data.tickFormat === "canadian" && canadian(before, data).inMain && !canadian(after, data).inMain) {
            return `Main time is up: ${stones(Number(data.tickStones))} in ${span(Number(data.tickBlockMs))}.`;
        }

        if (crossed(before, after, low)) {
            return `Low time: ${seconds(after)} seconds left.`;
        }

        return low > 10000 && crossed(before, after, 10000) ? "10 seconds left." : null;
    };
    const stonesOrPeriods = (count, word) => (count === 1 ? `1 ${word}` : `${count} ${word}s`);

    ticking.watch((element, before, after) => {
        if (!element.hasAttribute("data-clock-own") || seconds(before) === seconds(after)) {
            return;
        }

        const said = moment(element, before, after);
        if (said) {
            announce(said);
        }

        if (soundOn() && after > 0 && (said || after < Math.min(10000, Number(element.dataset.tickLowMs)))) {
            beep(after < 5000);
        }
    });
})();
