package bench_test

import (
	"context"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/bench"
	"github.com/hubrules/hubrules/hub"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEnginesAgreeBoundaries checks hand-made organizations at the edges of
// every rule (windows met to the day and missed by one day, quarters that
// start on the move-in day, reviews on the election day, filings instead of
// registrations, an empty log) and asserts the failed rules each side
// reports, so the engines' reading of the facts cannot drift from hub's.
func TestEnginesAgreeBoundaries(t *testing.T) {
	f := load(t)
	d := hubrules.MustParseDate
	ev := func(k hub.SyncEventKind, s string) hub.SyncEvent { return hub.SyncEvent{Kind: k, Date: d(s)} }
	report := func(s string, ok bool) hub.SyncEvent {
		return hub.SyncEvent{Kind: hub.EventAnnualReportFiled, Date: d(s), PartySection: ok}
	}
	evaluated := func(s string, ok bool) hub.SyncEvent {
		return hub.SyncEvent{Kind: hub.EventEvaluated, Date: d(s), PartyAssessed: ok}
	}
	// Four complete quarters before 2026-06-30 with one joint activity each.
	quarters := []hub.SyncEvent{ev(hub.EventJointActivity, "2025-07-01"), ev(hub.EventJointActivity, "2025-11-15"),
		ev(hub.EventJointActivity, "2026-02-01"), ev(hub.EventJointActivity, "2026-06-30")}
	org := func(members int, form hubrules.PartyForm, events ...hub.SyncEvent) hub.SyncOrg {
		return hub.SyncOrg{ID: "edge", FormalMembers: hubrules.Ptr(members), PartyForm: form, Events: events}
	}
	// yearly is an annual report filed on 1 May of each year from..2026
	// (the reports of the years from-1..2025), with the section except in
	// the filing year bad; with is the log it is added to.
	yearly := func(from, bad int, with ...hub.SyncEvent) []hub.SyncEvent {
		for y := from; y <= 2026; y++ {
			with = append(with, report(hubrules.NewDate(y, 5, 1).String(), y != bad))
		}
		return with
	}
	cases := []struct {
		name string
		org  hub.SyncOrg
		want []string
	}{
		{"empty log, liaison for no members", org(0, hubrules.Liaison), nil},
		{"no form for no members", org(0, hubrules.NoPartyForm), []string{"HUB-FORM-01"}},
		{"three members need an own branch", org(3, hubrules.JointBranch), []string{"HUB-FORM-01"}},
		{"two members: activity branch accepted", org(2, hubrules.ActivityBranch), nil},
		{"plan on the registration day", org(0, hubrules.Liaison,
			yearly(2021, 0, ev(hub.EventRegistered, "2020-03-02"), ev(hub.EventWorkPlanSubmitted, "2020-03-02"))...), nil},
		{"plan one day after registration", org(0, hubrules.Liaison,
			yearly(2021, 0, ev(hub.EventRegistered, "2020-03-02"), ev(hub.EventWorkPlanSubmitted, "2020-03-03"))...), []string{"SYNC-1"}},
		{"filed, no plan", org(0, hubrules.Liaison, yearly(2021, 0, ev(hub.EventFiled, "2020-03-02"))...), []string{"SYNC-1"}},
		{"census on day 30, activities every quarter", org(1, hubrules.JointBranch, append([]hub.SyncEvent{
			ev(hub.EventMovedIn, "2025-04-01"), ev(hub.EventCensusRecorded, "2025-05-01")}, quarters...)...), nil},
		{"census on day 31", org(1, hubrules.JointBranch, append([]hub.SyncEvent{
			ev(hub.EventMovedIn, "2025-04-01"), ev(hub.EventCensusRecorded, "2025-05-02")}, quarters...)...), []string{"SYNC-2"}},
		{"census only before the move-in", org(1, hubrules.JointBranch, append([]hub.SyncEvent{
			ev(hub.EventCensusRecorded, "2025-03-01"), ev(hub.EventMovedIn, "2025-04-01")}, quarters...)...), []string{"SYNC-2"}},
		{"a reviewed quarter without a joint activity", org(1, hubrules.JointBranch,
			ev(hub.EventMovedIn, "2025-04-01"), ev(hub.EventCensusRecorded, "2025-04-01"),
			quarters[0], quarters[1], quarters[3]), []string{"SYNC-3"}},
		{"moved in this quarter: no complete quarter yet", org(1, hubrules.JointBranch,
			ev(hub.EventMovedIn, "2026-04-02"), ev(hub.EventCensusRecorded, "2026-04-02")), nil},
		{"moved in this quarter with weak coverage", org(4, hubrules.JointBranch,
			ev(hub.EventMovedIn, "2026-04-02"), ev(hub.EventCensusRecorded, "2026-04-02")), []string{"SYNC-3", "HUB-FORM-01"}},
		{"moved in with exactly the own-branch minimum and a joint branch", org(3, hubrules.JointBranch,
			ev(hub.EventMovedIn, "2026-04-02"), ev(hub.EventCensusRecorded, "2026-04-02")), []string{"SYNC-3", "HUB-FORM-01"}},
		{"moved in with one member and a liaison", org(1, hubrules.Liaison,
			ev(hub.EventMovedIn, "2026-04-02"), ev(hub.EventCensusRecorded, "2026-04-02")), []string{"SYNC-3", "HUB-FORM-01"}},
		{"reports, reviews on the election day, evaluations", org(0, hubrules.Liaison,
			yearly(2019, 0, ev(hub.EventRegistered, "2018-01-10"), ev(hub.EventWorkPlanSubmitted, "2018-01-01"),
				ev(hub.EventCandidatesReviewed, "2023-01-10"), ev(hub.EventBoardReelected, "2023-01-10"),
				evaluated("2021-06-01", true))...), nil},
		{"one report without a section, review a day late, evaluation not assessed", org(0, hubrules.Liaison,
			yearly(2019, 2020, ev(hub.EventRegistered, "2018-01-10"), ev(hub.EventWorkPlanSubmitted, "2018-01-01"),
				ev(hub.EventBoardReelected, "2023-01-10"), ev(hub.EventCandidatesReviewed, "2023-01-11"),
				evaluated("2021-06-01", true), evaluated("2022-06-01", false))...), []string{"SYNC-4", "SYNC-5", "SYNC-6"}},
		// SYNC-4 year by year (deadline 31 May, 6 months registered by the
		// year's end): the edges of the deadline, of the first report
		// year, of the move-in and of the last year still open.
		{"a report year missing in the middle", org(0, hubrules.Liaison,
			ev(hub.EventRegistered, "2022-01-10"), ev(hub.EventWorkPlanSubmitted, "2022-01-10"),
			report("2023-05-01", true), report("2025-05-01", true), report("2026-05-01", true)), []string{"SYNC-4"}},
		{"a report on the deadline day", org(0, hubrules.Liaison,
			ev(hub.EventRegistered, "2024-01-10"), ev(hub.EventWorkPlanSubmitted, "2024-01-10"),
			report("2025-05-31", true), report("2026-05-31", true)), nil},
		{"a report the day after the deadline", org(0, hubrules.Liaison,
			ev(hub.EventRegistered, "2024-01-10"), ev(hub.EventWorkPlanSubmitted, "2024-01-10"),
			report("2025-05-31", true), report("2026-06-01", true)), []string{"SYNC-4"}},
		{"a late report with the section and an on-time one without it", org(0, hubrules.Liaison,
			ev(hub.EventRegistered, "2024-01-10"), ev(hub.EventWorkPlanSubmitted, "2024-01-10"),
			report("2025-05-31", true), report("2026-05-20", false), report("2026-06-10", true)), nil},
		{"registered on 30 June 2025: 2025 is a report year", org(0, hubrules.Liaison,
			ev(hub.EventRegistered, "2025-06-30"), ev(hub.EventWorkPlanSubmitted, "2025-06-30")), []string{"SYNC-4"}},
		{"registered on 1 July 2025: no report year yet", org(0, hubrules.Liaison,
			ev(hub.EventRegistered, "2025-07-01"), ev(hub.EventWorkPlanSubmitted, "2025-07-01")), nil},
		{"moved in on 1 July 2025: the hub's first year is 2026", org(1, hubrules.JointBranch,
			ev(hub.EventRegistered, "2020-03-02"), ev(hub.EventWorkPlanSubmitted, "2020-03-02"),
			ev(hub.EventMovedIn, "2025-07-01"), ev(hub.EventCensusRecorded, "2025-07-01"),
			quarters[0], quarters[1], quarters[2], quarters[3]), nil},
		{"a report filed before the registration year's end is no report year's", org(0, hubrules.Liaison,
			ev(hub.EventRegistered, "2025-02-01"), ev(hub.EventWorkPlanSubmitted, "2025-02-01"),
			report("2025-05-01", true)), []string{"SYNC-4"}},
		{"second election reviewed only before the first", org(0, hubrules.Liaison,
			yearly(2013, 0, ev(hub.EventRegistered, "2012-01-10"), ev(hub.EventWorkPlanSubmitted, "2012-01-01"),
				ev(hub.EventCandidatesReviewed, "2017-01-01"), ev(hub.EventBoardReelected, "2017-01-10"),
				ev(hub.EventBoardReelected, "2022-01-10"))...), []string{"SYNC-5"}},
		// The cases below matter most to the log engines, which find first
		// dates, windows and pairs in the raw log themselves.
		{"moved in on a quarter's first day: that quarter is reviewed", org(1, hubrules.JointBranch,
			ev(hub.EventMovedIn, "2025-10-01"), ev(hub.EventCensusRecorded, "2025-10-01"),
			quarters[1], quarters[2], quarters[3]), nil},
		{"moved in on a quarter's first day, no activity in it", org(1, hubrules.JointBranch,
			ev(hub.EventMovedIn, "2025-10-01"), ev(hub.EventCensusRecorded, "2025-10-01"),
			ev(hub.EventJointActivity, "2025-09-30"), quarters[2], quarters[3]), []string{"SYNC-3"}},
		{"an activity on a quarter's first day counts for that quarter only", org(1, hubrules.JointBranch,
			ev(hub.EventMovedIn, "2025-04-01"), ev(hub.EventCensusRecorded, "2025-04-01"),
			ev(hub.EventJointActivity, "2025-10-01"), quarters[1], quarters[2], quarters[3]), []string{"SYNC-3"}},
		{"log out of date order, two move-ins: the first counts", org(1, hubrules.JointBranch, append([]hub.SyncEvent{
			ev(hub.EventMovedIn, "2025-05-10"), ev(hub.EventCensusRecorded, "2025-04-20"), ev(hub.EventMovedIn, "2025-04-01")},
			quarters...)...), nil},
		{"registered after a filing: the filing counts", org(0, hubrules.Liaison,
			yearly(2016, 0, ev(hub.EventRegistered, "2016-03-01"), ev(hub.EventWorkPlanSubmitted, "2016-03-01"), ev(hub.EventFiled, "2015-01-10"))...),
			[]string{"SYNC-1"}},
		{"three re-elections out of order, the middle one unreviewed", org(0, hubrules.Liaison,
			yearly(2011, 0, ev(hub.EventRegistered, "2010-01-10"), ev(hub.EventWorkPlanSubmitted, "2010-01-01"),
				ev(hub.EventBoardReelected, "2020-01-10"), ev(hub.EventCandidatesReviewed, "2014-12-01"),
				ev(hub.EventBoardReelected, "2015-01-10"), ev(hub.EventBoardReelected, "2025-01-10"),
				ev(hub.EventCandidatesReviewed, "2024-12-01"))...), []string{"SYNC-5"}},
		{"day numbers around 0: registered 1969, moved in 1970-01-01, census on day 30", org(1, hubrules.JointBranch, yearly(1971, 0, append([]hub.SyncEvent{
			ev(hub.EventRegistered, "1969-12-31"), ev(hub.EventWorkPlanSubmitted, "1969-12-31"),
			ev(hub.EventMovedIn, "1970-01-01"), ev(hub.EventCensusRecorded, "1970-01-31")}, quarters...)...)...), nil},
		{"day numbers around 0: plan a day late, census on day 31", org(1, hubrules.JointBranch, yearly(1971, 0, append([]hub.SyncEvent{
			ev(hub.EventRegistered, "1969-12-31"), ev(hub.EventWorkPlanSubmitted, "1970-01-01"),
			ev(hub.EventMovedIn, "1970-01-01"), ev(hub.EventCensusRecorded, "1970-02-01")}, quarters...)...)...), []string{"SYNC-1", "SYNC-2"}},
		{"registered 1950: only the latest 64 report years are checked", org(0, hubrules.Liaison,
			yearly(1962, 0, ev(hub.EventRegistered, "1950-01-10"), ev(hub.EventWorkPlanSubmitted, "1950-01-10"))...), nil},
	}
	ctx := context.Background()
	p := f.hub.Sync.Params()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h, err := f.hub.Check(&c.org)
			require.NoError(t, err)
			assert.Equal(t, c.want, h.IDs(), "hubrules")
			v, err := f.hub.Verdict(&c.org)
			require.NoError(t, err)
			assert.Equal(t, c.want, v.IDs(), "hubrules verdict")
			fa := bench.DeriveFacts(&c.org, bench.AsOf, p)
			assert.Equal(t, c.want, bench.GoRules(&fa).IDs(), "go")
			e, err := f.expr.Eval(fa)
			require.NoError(t, err)
			assert.Equal(t, c.want, e.IDs(), "expr-facts")
			cv, err := f.celE.Eval(bench.NewCELInput(fa))
			require.NoError(t, err)
			assert.Equal(t, c.want, cv.IDs(), "cel-facts")
			in, err := bench.NewOPAInput(fa)
			require.NoError(t, err)
			o, err := f.opaE.Eval(ctx, in)
			require.NoError(t, err)
			assert.Equal(t, c.want, o.IDs(), "opa-facts")
			le := bench.NewLogEnv(&c.org, f.logp)
			e, err = f.exprLog.Eval(le)
			require.NoError(t, err)
			assert.Equal(t, c.want, e.IDs(), "expr")
			e, err = f.exprOne.Eval(le)
			require.NoError(t, err)
			assert.Equal(t, c.want, e.IDs(), "expr-one")
			cv, err = f.celLog.Eval(f.celLog.NewInput(&le))
			require.NoError(t, err)
			assert.Equal(t, c.want, cv.IDs(), "cel")
			in, err = bench.NewOPALogInput(&le)
			require.NoError(t, err)
			o, err = f.opaLog.Eval(ctx, in)
			require.NoError(t, err)
			assert.Equal(t, c.want, o.IDs(), "opa")
		})
	}
}
