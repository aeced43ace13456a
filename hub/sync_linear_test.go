package hub

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/hubrules/hubrules"
)

// TestSyncLinear_MatchesReference checks random logs of 1 to 1,000 events
// against plain quadratic references of the two passes that were made
// linear: the duplicate check (each event against every earlier one) and
// SYNC-5 (each re-election against every re-election and review).
func TestSyncLinear_MatchesReference(t *testing.T) {
	asOf := hubrules.NewDate(2024, 6, 30)
	c, err := NewSyncChecker(hubrules.Kaixuan, asOf)
	if err != nil {
		t.Fatal(err)
	}
	rng := rand.New(rand.NewPCG(19, 1))
	valid := 0
	for it := 0; it < 600; it++ {
		n := 1 + rng.IntN(1000)
		if it%3 == 0 {
			n = 1 + rng.IntN(80) // around the stack scratch's limit
		}
		base := asOf.AddDays(-4000 - rng.IntN(2000))
		if it%20 == 0 {
			base = hubrules.Date{}.AddDays(-rng.IntN(3000)) // dates on both sides of the zero Date
		}
		org := syncRandomOrg(rng, n, base, it%4 == 0)
		var r SyncResult
		err := c.CheckInto(&r, &org, asOf)
		var got []hubrules.FieldError
		var ie *hubrules.InputError
		truncated := false
		if errors.As(err, &ie) {
			for _, f := range ie.Fields {
				if f.Code == "duplicate" {
					got = append(got, f)
				}
				truncated = truncated || f.Code == "too_many_errors"
			}
		}
		// Past MaxProblems the error keeps the first problems only: the
		// duplicates it names are then the reference's first ones.
		want := refSyncDuplicates(org.Events)
		if truncated && len(got) <= len(want) {
			want = want[:len(got)]
		}
		if len(got) != len(want) {
			t.Fatalf("log %d (%d events): %d duplicates, reference %d", it, n, len(got), len(want))
		}
		for i := range want {
			if got[i].Path != want[i].Path || got[i].Message != want[i].Message {
				t.Fatalf("log %d: duplicate %v, reference %v", it, got[i], want[i])
			}
		}
		if err != nil {
			continue
		}
		valid++
		if w := refSync5(org.Events); !sameSync5(r.Links[4], w) {
			t.Fatalf("log %d (%d events): SYNC-5\n got %+v\nwant %+v", it, n, r.Links[4], w)
		}
	}
	if valid < 300 {
		t.Fatalf("only %d valid logs: the generator no longer exercises SYNC-5", valid)
	}
}

// refSyncDuplicates returns the duplicate problems of a log: each event
// with a known kind and a date that repeats an earlier event's, naming the
// first such event.
func refSyncDuplicates(events []SyncEvent) []hubrules.FieldError {
	var out []hubrules.FieldError
	for i, e := range events {
		if !e.Kind.Valid() || e.Date.IsZero() {
			continue
		}
		for j := 0; j < i; j++ {
			if events[j].Kind == e.Kind && events[j].Date == e.Date {
				out = append(out, hubrules.FieldError{Path: hubrules.Index("events", i),
					Message: hubrules.T("与 events["+syncItoa(j)+"] 重复（同一类型、同一日期）", "duplicates events["+syncItoa(j)+"] (same kind and date)")})
				break
			}
		}
	}
	return out
}

// refSync5 is SYNC-5 as each re-election scanning the whole log: the
// previous and next re-elections, the latest review after the previous
// one and on or before it, else the first review after it up to the next.
// Dates are compared with the zero Date as "none", as the scans did. The
// link is tallied from the dates found as sync5 tallies it.
func refSync5(events []SyncEvent) SyncLinkResult {
	var l SyncLinkResult
	l.Link, l.BusinessKind = LinkReelection, EventBoardReelected
	var t sync5Tally
	for _, e := range events {
		if e.Kind != EventBoardReelected {
			continue
		}
		el := e.Date
		var prev, next hubrules.Date
		for _, f := range events {
			if f.Kind != EventBoardReelected {
				continue
			}
			if d := f.Date; d.Before(el) && d.After(prev) {
				prev = d
			} else if d.After(el) && (next.IsZero() || d.Before(next)) {
				next = d
			}
		}
		var review, late hubrules.Date
		for _, f := range events {
			if f.Kind != EventCandidatesReviewed {
				continue
			}
			d := f.Date
			if !d.After(el) && (prev.IsZero() || d.After(prev)) {
				if d.After(review) {
					review = d
				}
			} else if d.After(el) && (next.IsZero() || !d.After(next)) && (late.IsZero() || d.Before(late)) {
				late = d
			}
		}
		t.add(&l, el, review, late)
	}
	t.finish(&l)
	return l
}

func sameSync5(got, want SyncLinkResult) bool { return got == want }

// syncRandomOrg returns an organization with a random log of n events:
// every kind, dates in a window of days around base (in log order or not,
// with repeats of a kind on a day now and then), flags set at random on the
// kinds that may carry them, and sometimes a bad kind or a missing date.
func syncRandomOrg(rng *rand.Rand, n int, base hubrules.Date, bad bool) SyncOrg {
	org := SyncOrg{ID: "rand", FormalMembers: hubrules.Ptr(rng.IntN(8)), FormalMembersAtRegistration: hubrules.Ptr(rng.IntN(8)), PartyForm: hubrules.PartyForms()[rng.IntN(len(hubrules.PartyForms()))]}
	span := 1 + rng.IntN(4000)
	sorted := rng.IntN(2) == 0
	reg := rng.IntN(n)
	seen := map[syncEv]bool{}
	for i := 0; i < n; i++ {
		k := syncKindList[2+rng.IntN(len(syncKindList)-2)] // not a registration or filing
		if bad && rng.IntN(100) == 0 {
			k = syncKindList[rng.IntN(2)]
		}
		if rng.IntN(4) == 0 { // the frequent kinds of a long log
			k = []SyncEventKind{EventJointActivity, EventBoardReelected, EventCandidatesReviewed, EventAnnualReportFiled}[rng.IntN(4)]
		}
		d := base.AddDays(rng.IntN(span))
		if sorted {
			d = base.AddDays(i * span / (n + 1))
		}
		if i == reg {
			k, d = EventRegistered, base
		} else if !bad {
			for d == base || seen[syncEv{Date: d, k: int8(k.index())}] {
				d = d.AddDays(1)
			}
		}
		seen[syncEv{Date: d, k: int8(k.index())}] = true
		ev := SyncEvent{Kind: k, Date: d}
		ev.PartySection = k == EventAnnualReportFiled && rng.IntN(5) != 0
		ev.PartyAssessed = k == EventEvaluated && rng.IntN(5) != 0
		if bad && rng.IntN(50) == 0 {
			ev.Kind = "bogus"
		}
		if bad && rng.IntN(80) == 0 {
			ev.Date = hubrules.Date{}
		}
		org.Events = append(org.Events, ev)
	}
	return org
}
