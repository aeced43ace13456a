package hub_test

import (
	"strconv"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// syncMix returns n organizations of realistic shapes: complete six-link
// logs, late or missing steps, newcomers not yet moved in, and long-lived
// organizations with years of quarterly activities.
func syncMix(n int) []hub.SyncOrg {
	out := make([]hub.SyncOrg, 0, n)
	base := syncD("2016-01-04")
	for i := 0; len(out) < n; i++ {
		reg := base.AddDays(i * 37 % 2000)
		o := hub.SyncOrg{ID: "org-" + hubrules.Index("", i), FormalMembers: hubrules.Ptr(i % 6), FormalMembersAtRegistration: hubrules.Ptr(i % 5), PartyForm: []hubrules.PartyForm{
			hubrules.OwnBranch, hubrules.JointBranch, hubrules.ActivityBranch, hubrules.Liaison, hubrules.NoPartyForm}[i%5]}
		o.Events = append(o.Events,
			hub.SyncEvent{Kind: hub.EventRegistered, Date: reg},
			hub.SyncEvent{Kind: hub.EventWorkPlanSubmitted, Date: reg.AddDays(i%3 - 1)})
		if i%4 != 3 {
			move := reg.AddDays(20 + i%40)
			o.Events = append(o.Events,
				hub.SyncEvent{Kind: hub.EventMovedIn, Date: move},
				hub.SyncEvent{Kind: hub.EventCensusRecorded, Date: move.AddDays(i % 35)})
			for q := 0; q < 8+i%12; q++ {
				d := move.AddMonths(3*q + 1)
				if d.After(syncD("2024-06-30")) || (i%7 == 0 && q == 5) {
					continue
				}
				o.Events = append(o.Events, hub.SyncEvent{Kind: hub.EventJointActivity, Date: d})
			}
		}
		for y := 1; y <= 3; y++ {
			d := reg.AddYears(y)
			if d.After(syncD("2024-06-30")) {
				break
			}
			o.Events = append(o.Events, hub.SyncEvent{Kind: hub.EventAnnualReportFiled, Date: d, PartySection: (i+y)%5 != 0})
		}
		if i%3 == 0 {
			el := reg.AddYears(3)
			if !el.After(syncD("2024-06-30")) {
				o.Events = append(o.Events,
					hub.SyncEvent{Kind: hub.EventCandidatesReviewed, Date: el.AddDays(i%5 - 3)},
					hub.SyncEvent{Kind: hub.EventBoardReelected, Date: el})
			}
		}
		if i%2 == 0 {
			o.Events = append(o.Events, hub.SyncEvent{Kind: hub.EventEvaluated, Date: reg.AddDays(400), PartyAssessed: i%6 != 0})
		}
		out = append(out, o)
	}
	return out
}

// benchSync runs body on the 64 organizations of syncMix in turn, checked
// by the kaixuan checker as of 2024-06-30.
func benchSync(b *testing.B, body func(c *hub.SyncChecker, orgs []hub.SyncOrg, i int, asOf hubrules.Date) error) {
	asOf := syncD("2024-06-30")
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	if err != nil {
		b.Fatal(err)
	}
	orgs := syncMix(64)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := body(c, orgs, i%len(orgs), asOf); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkSyncCheck(b *testing.B) {
	benchSync(b, func(c *hub.SyncChecker, orgs []hub.SyncOrg, i int, asOf hubrules.Date) error {
		_, err := c.Check(orgs[i], asOf)
		return err
	})
}

// BenchmarkSyncCheckInto is BenchmarkSyncCheck through CheckInto: one
// result reused for every organization, neither it nor the organization
// copied.
func BenchmarkSyncCheckInto(b *testing.B) {
	var r hub.SyncResult
	benchSync(b, func(c *hub.SyncChecker, orgs []hub.SyncOrg, i int, asOf hubrules.Date) error {
		return c.CheckInto(&r, &orgs[i], asOf)
	})
}

func BenchmarkSyncVerdict(b *testing.B) {
	benchSync(b, func(c *hub.SyncChecker, orgs []hub.SyncOrg, i int, asOf hubrules.Date) error {
		_, err := c.FailedLinks(orgs[i], asOf)
		return err
	})
}

func BenchmarkSyncReport(b *testing.B) {
	benchSync(b, func(c *hub.SyncChecker, orgs []hub.SyncOrg, i int, asOf hubrules.Date) error {
		r, err := c.Check(orgs[i], asOf)
		if err == nil {
			_ = r.Report()
		}
		return err
	})
}

// BenchmarkSyncCheckBatchInto checks the organizations of
// BenchmarkSyncCheck loaded once into a SyncBatch.
func BenchmarkSyncCheckBatchInto(b *testing.B) {
	var batch hub.SyncBatch
	for _, org := range syncMix(64) { // the same organizations benchSync cycles through
		if err := batch.Add(&org); err != nil {
			b.Fatal(err)
		}
	}
	var r hub.SyncResult
	benchSync(b, func(c *hub.SyncChecker, _ []hub.SyncOrg, i int, asOf hubrules.Date) error {
		return c.CheckBatchInto(&r, &batch, i, asOf)
	})
}

// syncLongLog returns an organization with exactly n events (n ≥ 4): a
// registration, work plan, move-in and census, then weekly joint
// activities with a yearly annual report, an evaluation every two years
// and a re-election every three with its candidate review, ending by
// 2024-06-30. The newest quarter of the log was keyed in first, so that
// every kind's dates do not only grow (the slower duplicate path).
func syncLongLog(n int) hub.SyncOrg {
	asOf := syncD("2024-06-30")
	start := asOf.AddDays(-7*n - 30)
	o := hub.SyncOrg{ID: "long", FormalMembers: hubrules.Ptr(5), PartyForm: hubrules.JointBranch}
	o.Events = append(o.Events,
		hub.SyncEvent{Kind: hub.EventRegistered, Date: start},
		hub.SyncEvent{Kind: hub.EventWorkPlanSubmitted, Date: start},
		hub.SyncEvent{Kind: hub.EventMovedIn, Date: start.AddDays(10)},
		hub.SyncEvent{Kind: hub.EventCensusRecorded, Date: start.AddDays(20)})
	for w := 1; len(o.Events) < n; w++ {
		d := start.AddDays(21 + 7*w)
		switch {
		case w%52 == 0:
			o.Events = append(o.Events, hub.SyncEvent{Kind: hub.EventAnnualReportFiled, Date: d, PartySection: true})
		case w%104 == 26:
			o.Events = append(o.Events, hub.SyncEvent{Kind: hub.EventEvaluated, Date: d, PartyAssessed: true})
		case w%156 == 77:
			o.Events = append(o.Events, hub.SyncEvent{Kind: hub.EventCandidatesReviewed, Date: d})
		case w%156 == 78:
			o.Events = append(o.Events, hub.SyncEvent{Kind: hub.EventBoardReelected, Date: d})
		default:
			o.Events = append(o.Events, hub.SyncEvent{Kind: hub.EventJointActivity, Date: d})
		}
	}
	q := n - n/4
	o.Events = append(o.Events[q:], o.Events[:q]...)
	return o
}

// syncLengths are the log lengths of the per-event benchmarks: around the
// stack scratch's limit (64) and up to MaxSyncEvents.
var syncLengths = []int{16, 64, 65, 128, 256, 1000}

// BenchmarkSyncLength checks logs of each length in syncLengths through
// CheckInto and CheckBatchInto and reports the cost per event, which
// should not grow with the length.
func BenchmarkSyncLength(b *testing.B) {
	asOf := syncD("2024-06-30")
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range syncLengths {
		org := syncLongLog(n)
		var r hub.SyncResult
		if err := c.CheckInto(&r, &org, asOf); err != nil {
			b.Fatal(err)
		}
		b.Run("path=check/events="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := c.CheckInto(&r, &org, asOf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/event")
		})
		var batch hub.SyncBatch
		if err := batch.Add(&org); err != nil {
			b.Fatal(err)
		}
		b.Run("path=batch/events="+strconv.Itoa(n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := c.CheckBatchInto(&r, &batch, 0, asOf); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*n), "ns/event")
		})
	}
}
