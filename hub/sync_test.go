package hub_test

import (
	"errors"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

func syncD(s string) hubrules.Date { return hubrules.MustParseDate(s) }

func syncEv(kind hub.SyncEventKind, date string) hub.SyncEvent {
	return hub.SyncEvent{Kind: kind, Date: syncD(date)}
}

func syncChecker(t testing.TB, p hubrules.Programme) *hub.SyncChecker {
	t.Helper()
	c, err := hub.NewSyncChecker(p, syncD("2024-06-30"))
	require.NoError(t, err)
	return c
}

// syncFullOrg is an organization that passes all six links as of 2024-06-30.
func syncFullOrg() hub.SyncOrg {
	return hub.SyncOrg{ID: "kyh-001", FormalMembers: hubrules.Ptr(4), FormalMembersAtRegistration: hubrules.Ptr(4), PartyForm: hubrules.OwnBranch, Events: []hub.SyncEvent{
		syncEv(hub.EventWorkPlanSubmitted, "2022-02-25"),
		syncEv(hub.EventLegalRepInterviewed, "2022-03-10"),
		syncEv(hub.EventRegistered, "2022-03-01"),
		syncEv(hub.EventPartyOrgApproved, "2022-03-15"),
		syncEv(hub.EventMovedIn, "2022-04-01"),
		syncEv(hub.EventCensusRecorded, "2022-04-20"),
		syncEv(hub.EventJointActivity, "2023-07-25"),
		syncEv(hub.EventJointActivity, "2023-10-25"),
		syncEv(hub.EventJointActivity, "2024-01-25"),
		syncEv(hub.EventJointActivity, "2024-04-25"),
		{Kind: hub.EventAnnualReportFiled, Date: syncD("2023-05-20"), PartySection: true},
		{Kind: hub.EventAnnualReportFiled, Date: syncD("2024-05-20"), PartySection: true},
		syncEv(hub.EventCandidatesReviewed, "2024-03-01"),
		syncEv(hub.EventBoardReelected, "2024-03-10"),
		{Kind: hub.EventEvaluated, Date: syncD("2024-04-10"), PartyAssessed: true},
	}}
}

// syncWith returns org with the events of kind replaced by evs.
func syncWith(org hub.SyncOrg, kind hub.SyncEventKind, evs ...hub.SyncEvent) hub.SyncOrg {
	out := org
	out.Events = nil
	for _, e := range org.Events {
		if e.Kind != kind {
			out.Events = append(out.Events, e)
		}
	}
	out.Events = append(out.Events, evs...)
	return out
}

func TestSyncProfiles_LinkSelection(t *testing.T) {
	cases := []struct {
		programme hubrules.Programme
		profile   hub.SyncProfile
		links     []string
		requires  []string
	}{
		{hubrules.Kaixuan, hub.ProfileSixSync, []string{"SYNC-1", "SYNC-2", "SYNC-3", "SYNC-4", "SYNC-5", "SYNC-6"}, []string{hub.Sync1WorkPlan}},
		{hubrules.Jingan, hub.ProfileJingan, []string{"SYNC-1", "SYNC-4", "SYNC-6"}, []string{hub.Sync1WorkPlan, hub.Sync1LegalRepInterview}},
		{hubrules.Wuliqiao, hub.ProfileThreeSync, []string{"SYNC-1", "SYNC-3", "SYNC-6"}, []string{hub.Sync1PartyOrgApproval}},
		{hubrules.National, hub.ProfileSixSync, []string{"SYNC-1", "SYNC-2", "SYNC-3", "SYNC-4", "SYNC-5", "SYNC-6"}, []string{hub.Sync1WorkPlan}},
		{hubrules.Lujiazui, hub.ProfileSixSync, []string{"SYNC-1", "SYNC-2", "SYNC-3", "SYNC-4", "SYNC-5", "SYNC-6"}, []string{hub.Sync1WorkPlan}},
	}
	for _, tc := range cases {
		t.Run(string(tc.programme), func(t *testing.T) {
			c := syncChecker(t, tc.programme)
			assert.Equal(t, tc.profile, c.Profile())
			assert.Equal(t, tc.links, c.Links().Rules())
			assert.Equal(t, tc.requires, c.Params().SYNC1Requires)
			r, err := c.Check(syncFullOrg(), syncD("2024-06-30"))
			require.NoError(t, err)
			assert.Equal(t, tc.profile, r.Profile)
			assert.Equal(t, tc.programme, r.Programme)
			assert.Equal(t, tc.links, r.Checked.Rules())
			for l := hub.LinkRegistration; l <= hub.LinkEvaluation; l++ {
				lr := r.Link(l)
				if r.Checked.Has(l) {
					assert.True(t, lr.Checked, l.Rule())
					assert.Equal(t, hubrules.Pass, lr.Outcome, l.Rule())
				} else {
					assert.False(t, lr.Checked, l.Rule())
					assert.Empty(t, lr.Outcome, l.Rule())
				}
			}
			rep := r.Report()
			assert.Len(t, rep.Checks, len(tc.links))
			assert.True(t, rep.Compliant())
			assert.Equal(t, tc.programme, rep.Basis.Programme)
		})
	}
}

type syncCase struct {
	name      string
	programme hubrules.Programme
	org       hub.SyncOrg
	asOf      string
	link      hub.SyncLink
	outcome   hubrules.Outcome
	reason    hub.SyncReason
	unmet     []hub.SyncReason
	days      *int32 // days apart of the first evidence, when given
}

func syncDays(n int32) *int32 { return &n }

func syncRun(t *testing.T, cases []syncCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.programme
			if p == "" {
				p = hubrules.Kaixuan
			}
			asOf := tc.asOf
			if asOf == "" {
				asOf = "2024-06-30"
			}
			c := syncChecker(t, p)
			r, err := c.Check(tc.org, syncD(asOf))
			require.NoError(t, err)
			l := r.Link(tc.link)
			assert.Equal(t, tc.outcome, l.Outcome)
			assert.Equal(t, tc.reason, l.Reason, "reason %s", l.Reason.Code())
			if tc.unmet != nil {
				assert.Equal(t, tc.unmet, l.Unmet.List())
			}
			if tc.days != nil {
				require.NotZero(t, l.NEvidence)
				assert.Equal(t, *tc.days, l.Evidence[0].DaysApart)
			}
			rep := r.Report()
			assert.Equal(t, tc.outcome, rep.Outcome(tc.link.Rule()))
			assert.Len(t, rep.FindingsFor(tc.link.Rule()), len(l.Unmet.List()))
			fails := r.Failed()
			vf, err := c.FailedLinks(tc.org, syncD(asOf))
			require.NoError(t, err)
			assert.Equal(t, fails, vf)
		})
	}
}

func TestSYNC1_Registration(t *testing.T) {
	full := syncFullOrg()
	plan := func(date string) hub.SyncOrg {
		return syncWith(full, hub.EventWorkPlanSubmitted, syncEv(hub.EventWorkPlanSubmitted, date))
	}
	approvalOrg := func(members int, date string) hub.SyncOrg {
		o := syncWith(full, hub.EventPartyOrgApproved)
		if date != "" {
			o = syncWith(full, hub.EventPartyOrgApproved, syncEv(hub.EventPartyOrgApproved, date))
		}
		o.FormalMembersAtRegistration = hubrules.Ptr(members)
		return o
	}
	interview := func(date string) hub.SyncOrg {
		o := syncWith(full, hub.EventLegalRepInterviewed)
		if date != "" {
			o = syncWith(full, hub.EventLegalRepInterviewed, syncEv(hub.EventLegalRepInterviewed, date))
		}
		return o
	}
	both := syncWith(syncWith(full, hub.EventWorkPlanSubmitted), hub.EventLegalRepInterviewed)
	filed := syncWith(full, hub.EventRegistered, syncEv(hub.EventFiled, "2022-03-01"))
	syncRun(t, []syncCase{
		{name: "SYNC-1 kaixuan plan before registration passes", org: full, link: 1, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, days: syncDays(-4)},
		{name: "SYNC-1 kaixuan plan on registration day passes", org: plan("2022-03-01"), link: 1, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, days: syncDays(0)},
		{name: "SYNC-1 kaixuan plan the day after registration fails", org: plan("2022-03-02"), link: 1, outcome: hubrules.Fail, reason: hub.SyncReasonPlanLate, days: syncDays(1)},
		{name: "SYNC-1 kaixuan no plan fails", org: syncWith(full, hub.EventWorkPlanSubmitted), link: 1, outcome: hubrules.Fail, reason: hub.SyncReasonPlanMissing},
		{name: "SYNC-1 filing counts as the business event", org: filed, link: 1, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "SYNC-1 not registered is not applicable", org: syncWith(full, hub.EventRegistered), link: 1, outcome: hubrules.NotApplicable, reason: hub.SyncReasonNoRegistration},
		{name: "SYNC-1 jingan plan and interview pass", programme: hubrules.Jingan, org: full, link: 1, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "SYNC-1 jingan interview on day 30 passes", programme: hubrules.Jingan, org: interview("2022-03-31"), link: 1, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "SYNC-1 jingan interview on day 31 fails", programme: hubrules.Jingan, org: interview("2022-04-01"), link: 1, outcome: hubrules.Fail, reason: hub.SyncReasonInterviewLate},
		{name: "SYNC-1 jingan lists every unmet step", programme: hubrules.Jingan, org: both, link: 1, outcome: hubrules.Fail, reason: hub.SyncReasonPlanMissing,
			unmet: []hub.SyncReason{hub.SyncReasonPlanMissing, hub.SyncReasonInterviewMissing}},
		{name: "SYNC-1 wuliqiao approval on day 30 passes", programme: hubrules.Wuliqiao, org: approvalOrg(3, "2022-03-31"), link: 1, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, days: syncDays(30)},
		{name: "SYNC-1 wuliqiao approval on day 31 fails", programme: hubrules.Wuliqiao, org: approvalOrg(3, "2022-04-01"), link: 1, outcome: hubrules.Fail, reason: hub.SyncReasonApprovalNotTogether, days: syncDays(31)},
		{name: "SYNC-1 wuliqiao approval 30 days before passes", programme: hubrules.Wuliqiao, org: approvalOrg(3, "2022-01-30"), link: 1, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, days: syncDays(-30)},
		{name: "SYNC-1 wuliqiao no approval with 3 members fails", programme: hubrules.Wuliqiao, org: approvalOrg(3, ""), link: 1, outcome: hubrules.Fail, reason: hub.SyncReasonApprovalMissing},
		{name: "SYNC-1 wuliqiao 2 members is not applicable", programme: hubrules.Wuliqiao, org: approvalOrg(2, ""), link: 1, outcome: hubrules.NotApplicable, reason: hub.SyncReasonBelowApprovalMembers},
		{name: "SYNC-1 wuliqiao not registered is not applicable", programme: hubrules.Wuliqiao, org: syncWith(full, hub.EventRegistered), link: 1, outcome: hubrules.NotApplicable, reason: hub.SyncReasonNoRegistration},
	})
}

func TestSYNC2_MoveIn(t *testing.T) {
	full := syncFullOrg()
	census := func(dates ...string) hub.SyncOrg {
		var evs []hub.SyncEvent
		for _, d := range dates {
			evs = append(evs, syncEv(hub.EventCensusRecorded, d))
		}
		return syncWith(full, hub.EventCensusRecorded, evs...)
	}
	syncRun(t, []syncCase{
		{name: "SYNC-2 census on move-in day passes", org: census("2022-04-01"), link: 2, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, days: syncDays(0)},
		{name: "SYNC-2 census on day 30 passes", org: census("2022-05-01"), link: 2, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, days: syncDays(30)},
		{name: "SYNC-2 census on day 31 fails", org: census("2022-05-02"), link: 2, outcome: hubrules.Fail, reason: hub.SyncReasonCensusLate, days: syncDays(31)},
		{name: "SYNC-2 no census fails", org: census(), link: 2, outcome: hubrules.Fail, reason: hub.SyncReasonCensusMissing},
		{name: "SYNC-2 census only before move-in does not count", org: census("2022-03-20"), link: 2, outcome: hubrules.Fail, reason: hub.SyncReasonCensusMissing},
		{name: "SYNC-2 the first census after move-in counts", org: census("2022-03-20", "2022-06-01", "2022-04-10"), link: 2, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, days: syncDays(9)},
		{name: "SYNC-2 not moved in is not applicable", org: syncWith(full, hub.EventMovedIn), link: 2, outcome: hubrules.NotApplicable, reason: hub.SyncReasonNoMoveIn},
	})
}

func TestSYNC3_Management(t *testing.T) {
	full := syncFullOrg()
	form := func(members int, f hubrules.PartyForm) hub.SyncOrg {
		o := full
		o.FormalMembers, o.PartyForm = hubrules.Ptr(members), f
		return o
	}
	gap := syncWith(full, hub.EventJointActivity,
		syncEv(hub.EventJointActivity, "2023-07-25"), syncEv(hub.EventJointActivity, "2024-01-25"), syncEv(hub.EventJointActivity, "2024-04-25"))
	newcomer := syncWith(syncWith(full, hub.EventJointActivity), hub.EventMovedIn, syncEv(hub.EventMovedIn, "2024-04-02"))
	syncRun(t, []syncCase{
		{name: "SYNC-3 own branch with 4 members and an activity every quarter passes", org: full, link: 3, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "SYNC-3 4 members with only a liaison fails coverage", org: form(4, hubrules.Liaison), link: 3, outcome: hubrules.Fail, reason: hub.SyncReasonCoverageShort},
		{name: "SYNC-3 2 members in a joint branch passes", org: form(2, hubrules.JointBranch), link: 3, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "SYNC-3 2 members in an activity branch passes", org: form(2, hubrules.ActivityBranch), link: 3, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "SYNC-3 2 members with a liaison fails", org: form(2, hubrules.Liaison), link: 3, outcome: hubrules.Fail, reason: hub.SyncReasonCoverageShort},
		{name: "SYNC-3 no members with a liaison passes", org: form(0, hubrules.Liaison), link: 3, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "SYNC-3 no members and no form fails", org: form(0, hubrules.NoPartyForm), link: 3, outcome: hubrules.Fail, reason: hub.SyncReasonCoverageShort},
		{name: "SYNC-3 a quarter without joint activity fails", org: gap, link: 3, outcome: hubrules.Fail, reason: hub.SyncReasonActivitiesShort},
		{name: "SYNC-3 coverage and activities both listed", org: func() hub.SyncOrg { o := gap; o.PartyForm = hubrules.Liaison; return o }(), link: 3, outcome: hubrules.Fail,
			reason: hub.SyncReasonCoverageShort, unmet: []hub.SyncReason{hub.SyncReasonCoverageShort, hub.SyncReasonActivitiesShort}},
		{name: "SYNC-3 incomplete current quarter is not reviewed", org: full, asOf: "2024-06-29", link: 3, outcome: hubrules.Fail, reason: hub.SyncReasonActivitiesShort},
		{name: "SYNC-3 no full quarter in the hub yet: coverage alone decides", org: newcomer, link: 3, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "SYNC-3 wuliqiao profile checks management", programme: hubrules.Wuliqiao, org: gap, link: 3, outcome: hubrules.Fail, reason: hub.SyncReasonActivitiesShort},
		{name: "SYNC-3 not moved in is not applicable", org: syncWith(full, hub.EventMovedIn), link: 3, outcome: hubrules.NotApplicable, reason: hub.SyncReasonNoMoveIn},
	})

	c := syncChecker(t, hubrules.Kaixuan)
	r, err := c.Check(gap, syncD("2024-06-30"))
	require.NoError(t, err)
	l := r.Link(hub.LinkManagement)
	assert.Equal(t, int32(4), l.QuartersChecked)
	assert.Equal(t, int32(1), l.QuartersShort)
	assert.Equal(t, syncD("2023-10-01"), l.FirstShortQuarter)
	assert.Equal(t, hubrules.OwnBranch, l.RequiredForm)
	assert.Equal(t, syncD("2024-04-25"), l.Evidence[0].Date)

	r, err = c.Check(newcomer, syncD("2024-06-30"))
	require.NoError(t, err)
	l = r.Link(hub.LinkManagement)
	assert.Equal(t, int32(0), l.QuartersChecked, "moved in on 2024-04-02: Q2 did not start in the hub")
	assert.False(t, l.Evidence[0].Applies)

	assert.Equal(t, hubrules.OwnBranch, hubrules.RequiredPartyForm(3, 3))
	assert.Equal(t, hubrules.JointBranch, hubrules.RequiredPartyForm(1, 3))
	assert.Equal(t, hubrules.Liaison, hubrules.RequiredPartyForm(0, 3))
}

func TestSYNC_1_ApprovalByMembersAtRegistration(t *testing.T) {
	org := func(today int, atReg *int, withApproval bool) hub.SyncOrg {
		o := syncWith(syncFullOrg(), hub.EventPartyOrgApproved)
		if withApproval {
			o.Events = append(o.Events, syncEv(hub.EventPartyOrgApproved, "2022-03-15"))
		}
		o.FormalMembers, o.FormalMembersAtRegistration = hubrules.Ptr(today), atReg
		return o
	}
	cases := []struct {
		name      string
		programme hubrules.Programme
		org       hub.SyncOrg
		outcome   hubrules.Outcome
		reason    hub.SyncReason
		errPath   string
	}{
		{name: "5 today but 2 at registration: no approval needed", programme: hubrules.Wuliqiao, org: org(5, hubrules.Ptr(2), false), outcome: hubrules.NotApplicable, reason: hub.SyncReasonBelowApprovalMembers},
		{name: "1 today but 3 at registration: the approval is needed", programme: hubrules.Wuliqiao, org: org(1, hubrules.Ptr(3), false), outcome: hubrules.Fail, reason: hub.SyncReasonApprovalMissing},
		{name: "3 at registration with the approval passes", programme: hubrules.Wuliqiao, org: org(1, hubrules.Ptr(3), true), outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "0 at registration: not applicable", programme: hubrules.Wuliqiao, org: org(0, hubrules.Ptr(0), false), outcome: hubrules.NotApplicable, reason: hub.SyncReasonBelowApprovalMembers},
		{name: "missing at registration is an input error", programme: hubrules.Wuliqiao, org: org(5, nil, true), errPath: "formal_members_at_registration"},
		{name: "negative at registration is an input error", programme: hubrules.Kaixuan, org: org(5, hubrules.Ptr(-1), true), errPath: "formal_members_at_registration"},
		{name: "missing is not needed without the approval step", programme: hubrules.Kaixuan, org: org(5, nil, false), outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "missing is not needed before the registration", programme: hubrules.Wuliqiao, org: syncWith(org(5, nil, false), hub.EventRegistered), outcome: hubrules.NotApplicable, reason: hub.SyncReasonNoRegistration},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c := syncChecker(t, tc.programme)
			r, err := c.Check(tc.org, syncD("2024-06-30"))
			var b hub.SyncBatch
			var br hub.SyncResult
			berr := b.Add(&tc.org)
			if berr == nil {
				berr = c.CheckBatchInto(&br, &b, 0, syncD("2024-06-30"))
			}
			if tc.errPath != "" {
				var ie *hubrules.InputError
				require.ErrorAs(t, err, &ie)
				assert.Equal(t, tc.errPath, ie.Fields[0].Path)
				assert.NotEmpty(t, ie.Fields[0].Message.ZH)
				require.ErrorAs(t, berr, &ie, "the batch refuses it too")
				assert.Equal(t, tc.errPath, ie.Fields[0].Path)
				return
			}
			require.NoError(t, err)
			require.NoError(t, berr)
			l := r.Link(hub.LinkRegistration)
			assert.Equal(t, tc.outcome, l.Outcome)
			assert.Equal(t, tc.reason, l.Reason, "reason %s", l.Reason.Code())
			assert.Equal(t, r, br, "batch and check agree")
		})
	}
}

func TestSYNC_4_EveryReportYear(t *testing.T) {
	full := syncFullOrg() // registered 2022-03-01, moved in 2022-04-01, reports 2023-05-20 and 2024-05-20
	report := func(date string, section bool) hub.SyncEvent {
		return hub.SyncEvent{Kind: hub.EventAnnualReportFiled, Date: syncD(date), PartySection: section}
	}
	reg := func(date string, evs ...hub.SyncEvent) hub.SyncOrg {
		return hub.SyncOrg{ID: "org", FormalMembers: hubrules.Ptr(4), FormalMembersAtRegistration: hubrules.Ptr(4), PartyForm: hubrules.OwnBranch,
			Events: append([]hub.SyncEvent{syncEv(hub.EventRegistered, date)}, evs...)}
	}
	moved := reg("2020-03-01", syncEv(hub.EventMovedIn, "2022-08-01"), report("2024-05-10", true))
	cases := []struct {
		name      string
		programme hubrules.Programme
		org       hub.SyncOrg
		asOf      string
		outcome   hubrules.Outcome
		reason    hub.SyncReason
		first     int32 // first and last checked report years (0: none)
		last      int32
		open      int32
		missing   []int // failing years by criterion
		late      []int
		noSection []int
	}{
		{name: "every year reported with the section passes", org: full, asOf: "2024-06-30", outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, first: 2022, last: 2023},
		{name: "one report of 2022 does not cover 2023 and 2024", org: reg("2021-03-01", report("2022-05-10", true)), asOf: "2025-06-30",
			outcome: hubrules.Fail, reason: hub.SyncReasonReportMissing, first: 2021, last: 2024, missing: []int{2022, 2023, 2024}},
		{name: "the deadline day itself keeps the year open", org: syncWith(full, hub.EventAnnualReportFiled, report("2023-05-20", true)), asOf: "2024-05-31",
			outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, first: 2022, last: 2022, open: 2023},
		{name: "the day after the deadline the year is missing", org: syncWith(full, hub.EventAnnualReportFiled, report("2023-05-20", true)), asOf: "2024-06-01",
			outcome: hubrules.Fail, reason: hub.SyncReasonReportMissing, first: 2022, last: 2023, missing: []int{2023}},
		{name: "a report on the deadline is on time", org: syncWith(full, hub.EventAnnualReportFiled, report("2023-05-31", true), report("2024-05-31", true)), asOf: "2024-06-30",
			outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, first: 2022, last: 2023},
		{name: "a report the day after the deadline is late", org: syncWith(full, hub.EventAnnualReportFiled, report("2023-06-01", true), report("2024-05-31", true)), asOf: "2024-06-30",
			outcome: hubrules.Fail, reason: hub.SyncReasonReportLate, first: 2022, last: 2023, late: []int{2022}},
		{name: "a report without the section names its year", org: syncWith(full, hub.EventAnnualReportFiled, report("2023-05-20", false), report("2024-05-20", true)), asOf: "2024-06-30",
			outcome: hubrules.Fail, reason: hub.SyncReasonReportNoPartySection, first: 2022, last: 2023, noSection: []int{2022}},
		{name: "a second report with the section makes up for one without", org: syncWith(full, hub.EventAnnualReportFiled, report("2023-05-20", false), report("2023-05-25", true), report("2024-05-20", true)), asOf: "2024-06-30",
			outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, first: 2022, last: 2023},
		{name: "registered on 30 June: that year is a report year", org: reg("2022-06-30"), asOf: "2023-06-30",
			outcome: hubrules.Fail, reason: hub.SyncReasonReportMissing, first: 2022, last: 2022, missing: []int{2022}},
		{name: "registered on 1 July: the next year is the first", org: reg("2022-07-01"), asOf: "2023-06-30",
			outcome: hubrules.NotApplicable, reason: hub.SyncReasonNoReportDue},
		{name: "the move-in starts the hub's years", org: moved, asOf: "2024-06-30",
			outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, first: 2023, last: 2023},
		{name: "registered this year: nothing due", org: reg("2024-03-01"), asOf: "2024-12-31",
			outcome: hubrules.NotApplicable, reason: hub.SyncReasonNoReportDue},
		{name: "not registered: not applicable", org: syncWith(full, hub.EventRegistered), asOf: "2024-06-30",
			outcome: hubrules.NotApplicable, reason: hub.SyncReasonNoRegistration},
		{name: "at most the latest 64 years", org: reg("1950-01-10"), asOf: "2024-06-30",
			outcome: hubrules.Fail, reason: hub.SyncReasonReportMissing, first: 2023 - 63, last: 2023, missing: syncYears(1960, 2023)},
		{name: "jingan checks every year too", programme: hubrules.Jingan, org: syncWith(full, hub.EventAnnualReportFiled, report("2024-05-20", true)), asOf: "2024-06-30",
			outcome: hubrules.Fail, reason: hub.SyncReasonReportMissing, first: 2022, last: 2023, missing: []int{2022}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := tc.programme
			if p == "" {
				p = hubrules.Kaixuan
			}
			c, err := hub.NewSyncChecker(p, syncD(tc.asOf))
			require.NoError(t, err)
			r, err := c.Check(tc.org, syncD(tc.asOf))
			require.NoError(t, err)
			l := r.Link(hub.LinkAnnualReport)
			assert.Equal(t, tc.outcome, l.Outcome)
			assert.Equal(t, tc.reason, l.Reason, "reason %s", l.Reason.Code())
			assert.Equal(t, tc.first, l.FirstYear, "first year")
			assert.Equal(t, tc.last, l.LastYear, "last year")
			assert.Equal(t, tc.open, l.OpenYear, "open year")
			var missing, late, noSection []int
			for _, y := range l.ReportYears() {
				for _, u := range y.Unmet {
					switch u {
					case "report_missing":
						missing = append(missing, y.Year)
					case "report_late":
						late = append(late, y.Year)
					case "report_no_party_section":
						noSection = append(noSection, y.Year)
					}
				}
			}
			assert.Equal(t, tc.missing, missing, "missing")
			assert.Equal(t, tc.late, late, "late")
			assert.Equal(t, tc.noSection, noSection, "no section")
			// One finding per failing year and criterion, naming the year.
			var years []string
			for _, f := range r.Report().Findings {
				if f.Rule == "SYNC-4" {
					years = append(years, syncFact(f, "report_year"))
					assert.Contains(t, f.Message.ZH, syncFact(f, "report_year")+" 年度")
					assert.Contains(t, f.Message.EN, "report year "+syncFact(f, "report_year"))
				}
			}
			assert.Len(t, years, len(tc.missing)+len(tc.late)+len(tc.noSection))
		})
	}
}

func syncYears(from, to int) []int {
	var out []int
	for y := from; y <= to; y++ {
		out = append(out, y)
	}
	return out
}

func syncFact(f hubrules.Finding, name string) string {
	for _, x := range f.Facts {
		if x.Name == name {
			return x.Value
		}
	}
	return ""
}

func TestSYNC5_Reelection(t *testing.T) {
	full := syncFullOrg()
	review := func(dates ...string) hub.SyncOrg {
		var evs []hub.SyncEvent
		for _, d := range dates {
			evs = append(evs, syncEv(hub.EventCandidatesReviewed, d))
		}
		return syncWith(full, hub.EventCandidatesReviewed, evs...)
	}
	twice := syncWith(review("2021-02-01"), hub.EventBoardReelected,
		syncEv(hub.EventBoardReelected, "2022-03-10"), syncEv(hub.EventBoardReelected, "2024-03-10"))
	twice.Events = append(twice.Events, syncEv(hub.EventCandidatesReviewed, "2022-03-01"))
	syncRun(t, []syncCase{
		{name: "SYNC-5 review before the election passes", org: full, link: 5, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, days: syncDays(-9)},
		{name: "SYNC-5 review on the election day passes", org: review("2024-03-10"), link: 5, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized, days: syncDays(0)},
		{name: "SYNC-5 review the day after the election fails", org: review("2024-03-11"), link: 5, outcome: hubrules.Fail, reason: hub.SyncReasonReviewAfterElection, days: syncDays(1)},
		{name: "SYNC-5 no review fails", org: review(), link: 5, outcome: hubrules.Fail, reason: hub.SyncReasonReviewMissing},
		{name: "SYNC-5 a review for the previous election does not count", org: twice, link: 5, outcome: hubrules.Fail, reason: hub.SyncReasonReviewMissing},
		{name: "SYNC-5 no re-election yet is not applicable", org: syncWith(full, hub.EventBoardReelected), link: 5, outcome: hubrules.NotApplicable, reason: hub.SyncReasonNoReelection},
	})
	r, err := syncChecker(t, hubrules.Kaixuan).Check(twice, syncD("2024-06-30"))
	require.NoError(t, err)
	l := r.Link(hub.LinkReelection)
	assert.Equal(t, syncD("2024-03-10"), l.BusinessDate)
	assert.Equal(t, int32(2), l.BusinessCount)
	assert.Equal(t, int32(1), l.BusinessFailing)
}

func TestSYNC6_Evaluation(t *testing.T) {
	full := syncFullOrg()
	notAssessed := syncWith(full, hub.EventEvaluated, syncEv(hub.EventEvaluated, "2024-04-10"))
	syncRun(t, []syncCase{
		{name: "SYNC-6 party building assessed passes", org: full, link: 6, outcome: hubrules.Pass, reason: hub.SyncReasonSynchronized},
		{name: "SYNC-6 evaluation without party assessment fails", org: notAssessed, link: 6, outcome: hubrules.Fail, reason: hub.SyncReasonNotAssessed},
		{name: "SYNC-6 jingan profile checks the evaluation", programme: hubrules.Jingan, org: notAssessed, link: 6, outcome: hubrules.Fail, reason: hub.SyncReasonNotAssessed},
		{name: "SYNC-6 wuliqiao profile checks the evaluation", programme: hubrules.Wuliqiao, org: notAssessed, link: 6, outcome: hubrules.Fail, reason: hub.SyncReasonNotAssessed},
		{name: "SYNC-6 no evaluation yet is not applicable", org: syncWith(full, hub.EventEvaluated), link: 6, outcome: hubrules.NotApplicable, reason: hub.SyncReasonNoEvaluation},
	})
}

func TestSyncCheck_InputErrorsNameEveryField(t *testing.T) {
	c := syncChecker(t, hubrules.Kaixuan)
	org := hub.SyncOrg{ID: "bad", FormalMembers: hubrules.Ptr(-1), PartyForm: "cell", Events: []hub.SyncEvent{
		syncEv(hub.EventRegistered, "2022-03-01"),
		syncEv(hub.EventMovedIn, "2025-01-01"),
		{Kind: "party_day", Date: syncD("2022-05-01")},
		syncEv(hub.EventMovedIn, "2022-04-01"),
		syncEv(hub.EventMovedIn, "2022-04-01"),
		{Kind: hub.EventEvaluated, Date: syncD("2021-01-01"), PartyAssessed: true},
		{Kind: hub.EventJointActivity, Date: syncD("2023-01-01"), PartySection: true},
		syncEv(hub.EventRegistered, "2022-03-02"),
		{Kind: hub.EventCensusRecorded},
	}}
	before := slices.Clone(org.Events)
	_, err := c.Check(org, syncD("2024-06-30"))
	require.Error(t, err)
	assert.True(t, errors.Is(err, hubrules.ErrInvalidInput))
	var ie *hubrules.InputError
	require.True(t, errors.As(err, &ie))
	want := map[string]string{
		"formal_members":          "gte",
		"party_form":              "enum",
		"events[1].date":          "after_as_of",
		"events[2].kind":          "enum",
		"events[4]":               "duplicate",
		"events[5].date":          "order",
		"events[6].party_section": "kind",
		"events[7]":               "once",
		"events[8].date":          "required",
	}
	for path, code := range want {
		f, ok := ie.Field(path)
		if assert.True(t, ok, path) {
			assert.Equal(t, code, f.Code, path)
			assert.NotEmpty(t, f.Message.ZH, path)
			assert.NotEmpty(t, f.Message.EN, path)
		}
	}
	assert.Len(t, ie.Fields, len(want))
	assert.Equal(t, before, org.Events, "input is not modified")

	_, err = c.FailedLinks(org, syncD("2024-06-30"))
	assert.ErrorAs(t, err, &ie)

	_, err = c.Check(hub.SyncOrg{PartyForm: hubrules.Liaison}, hubrules.Date{})
	require.ErrorAs(t, err, &ie)
	_, ok := ie.Field("id")
	assert.True(t, ok)
	_, ok = ie.Field("as_of")
	assert.True(t, ok)

	var nilChecker *hub.SyncChecker
	_, err = nilChecker.Check(syncFullOrg(), syncD("2024-06-30"))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)

	many := hub.SyncOrg{ID: "x", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: make([]hub.SyncEvent, hub.MaxSyncEvents+1)}
	_, err = c.Check(many, syncD("2024-06-30"))
	require.ErrorAs(t, err, &ie)
	_, ok = ie.Field("events")
	assert.True(t, ok)
}

func TestSyncCheck_OrderOfEventsDoesNotMatter(t *testing.T) {
	c := syncChecker(t, hubrules.Kaixuan)
	org := syncFullOrg()
	want, err := c.Check(org, syncD("2024-06-30"))
	require.NoError(t, err)
	rev := org
	rev.Events = slices.Clone(org.Events)
	slices.Reverse(rev.Events)
	got, err := c.Check(rev, syncD("2024-06-30"))
	require.NoError(t, err)
	assert.Equal(t, want.Links, got.Links)
}

func TestNewSyncChecker_Errors(t *testing.T) {
	_, err := hub.NewSyncChecker("shenzhen", syncD("2024-06-30"))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	_, ok := ie.Field("programme")
	assert.True(t, ok)

	// Before any value a checker still builds: every link is not in force.
	early, err := hub.NewSyncChecker(hubrules.Kaixuan, syncD("1999-12-31"))
	require.NoError(t, err)
	r, err := early.Check(hub.SyncOrg{ID: "o", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison}, syncD("1999-12-31"))
	require.NoError(t, err)
	for l := hub.LinkRegistration; l <= hub.LinkEvaluation; l++ {
		assert.Equal(t, hubrules.NotInForce, r.Link(l).Outcome, l.Rule())
	}

	_, err = hub.NewSyncChecker(hubrules.Kaixuan, syncD("2024-06-30"), hub.WithParams(nil))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)

	p, b, err := hub.ResolveSync(hubrules.Kaixuan, syncD("2024-06-30"))
	require.NoError(t, err)
	p.Links = []int{7}
	_, err = hub.NewSyncChecker(b.Programme, b.AsOf, hub.WithResolved(p, b))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
	p.Links = []int{1}
	p.SYNC1Requires = []string{"oath"}
	_, err = hub.NewSyncChecker(b.Programme, b.AsOf, hub.WithResolved(p, b))
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func TestSyncParams_OverlayChangesTheWindow(t *testing.T) {
	mine := hubrules.MustParseParams([]byte(`package: hub
parameters:
  sync2_census_max_days:
    description: {zh: 入驻后排摸天数, en: census days}
    values:
      - {programme: kaixuan, from: "2024-01-01", value: 60, confidence: illustrative, source: {document: "my city"}}
`))
	set := hub.DefaultParamSet().Overlay(mine)
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, syncD("2024-06-30"), hub.WithParams(set))
	require.NoError(t, err)
	assert.Equal(t, 60, c.Params().CensusMaxDays)
	org := syncWith(syncFullOrg(), hub.EventCensusRecorded, syncEv(hub.EventCensusRecorded, "2022-05-20"))
	r, err := c.Check(org, syncD("2024-06-30"))
	require.NoError(t, err)
	assert.Equal(t, hubrules.Pass, r.Link(hub.LinkMoveIn).Outcome)
	ref, ok := c.Basis().Param("sync2_census_max_days")
	require.True(t, ok)
	assert.Equal(t, "60", ref.Value)
}

func TestSyncParams_EveryProgrammeResolvesWithProvenance(t *testing.T) {
	for _, p := range hubrules.Programmes() {
		_, b, err := hub.ResolveSync(p, syncD("2024-06-30"))
		require.NoError(t, err, p)
		for _, ref := range b.Params {
			assert.NotEmpty(t, ref.Source.Title.ZH, ref.Name)
			assert.True(t, ref.Confidence.Valid(), ref.Name)
		}
	}
	_, b, err := hub.ResolveSync(hubrules.Wuliqiao, syncD("2024-06-30"))
	require.NoError(t, err)
	ref, _ := b.Param("sync_links")
	assert.Equal(t, hubrules.Seed(hubrules.Wuliqiao, "").Title, ref.Source.Title, "cited as the published article, not a file")
	ref, _ = b.Param("sync1_approval_min_members")
	assert.Equal(t, hubrules.Secondary, ref.Confidence, "the 2022 constitution: its article number was not read")
	assert.Equal(t, "2022-10-22", ref.From.String())
	assert.NotEmpty(t, b.Unverified(), "windows are illustrative and say so")
}

func TestSyncRules_CatalogueCoversTheSixLinks(t *testing.T) {
	cat := hub.SyncRules()
	set := hub.DefaultParamSet()
	names := set.Names()
	for l := hub.LinkRegistration; l <= hub.LinkEvaluation; l++ {
		r, ok := cat.Lookup(l.Rule())
		require.True(t, ok, l.Rule())
		assert.Equal(t, "hub", r.Package)
		assert.NotEmpty(t, r.Title.ZH)
		assert.NotEmpty(t, r.Title.EN)
		assert.NotEmpty(t, r.Source.Title.ZH)
		for _, p := range r.Params {
			assert.Contains(t, names, p, r.ID)
		}
	}
	assert.Len(t, cat, 6)
}

func TestSyncResult_ReportListsFindingsWithFacts(t *testing.T) {
	c := syncChecker(t, hubrules.Jingan)
	org := syncWith(syncWith(syncFullOrg(), hub.EventWorkPlanSubmitted), hub.EventLegalRepInterviewed,
		syncEv(hub.EventLegalRepInterviewed, "2022-04-15"))
	r, err := c.Check(org, syncD("2024-06-30"))
	require.NoError(t, err)
	rep := r.Report()
	assert.Equal(t, []string{"SYNC-1"}, rep.FailedRules())
	fs := rep.FindingsFor("SYNC-1")
	require.Len(t, fs, 2)
	assert.Equal(t, hub.SyncReasonPlanMissing.Text(), fs[0].Message)
	assert.Equal(t, hub.SyncReasonInterviewLate.Text(), fs[1].Message)
	assert.Equal(t, "kyh-001", fs[0].Subject)
	assert.Contains(t, fs[1].Facts, hubrules.Fact{Name: "legal_rep_interviewed_days_apart", Value: "45"})
	assert.Contains(t, fs[1].Facts, hubrules.Fact{Name: "legal_rep_interviewed_window_days", Value: "30"})
	assert.Contains(t, fs[0].Facts, hubrules.Fact{Name: "work_plan_submitted_date", Value: "none"})
	assert.Equal(t, syncD("2024-06-30"), rep.Basis.AsOf)
	en := rep.Describe(hubrules.EN)
	assert.Contains(t, en, "[SYNC-1 per [the Kaiyihui \"red incubator\" of Kaixuan street], 二、主要做法·（一）创新组织堡垒建设] kyh-001: no party-building work plan", "the finding names its source and section")
	assert.False(t, r.Compliant())
	assert.Equal(t, hub.SyncLinks(0).With(hub.LinkRegistration), r.Failed())
}

func TestSyncChecker_ConcurrentUse(t *testing.T) {
	c := syncChecker(t, hubrules.Kaixuan)
	orgs := syncMix(32)
	want := make([]hub.SyncLinks, len(orgs))
	for i, o := range orgs {
		f, err := c.FailedLinks(o, syncD("2024-06-30"))
		require.NoError(t, err)
		want[i] = f
	}
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, o := range orgs {
				r, err := c.Check(o, syncD("2024-06-30"))
				assert.NoError(t, err)
				assert.Equal(t, want[i], r.Failed())
			}
		}()
	}
	wg.Wait()
}

func TestSyncLinks_Set(t *testing.T) {
	var s hub.SyncLinks
	s = s.With(hub.LinkMoveIn).With(hub.LinkEvaluation).With(0).With(7)
	assert.True(t, s.Has(hub.LinkMoveIn))
	assert.False(t, s.Has(hub.LinkRegistration))
	assert.Equal(t, 2, s.Len())
	assert.Equal(t, []string{"SYNC-2", "SYNC-6"}, s.Rules())
	assert.Equal(t, 6, hub.AllSyncLinks.Len())
	assert.Equal(t, "", hub.SyncLink(9).Rule())
	assert.Equal(t, "move_in", hub.LinkMoveIn.Code())
	assert.Equal(t, "入驻", hub.LinkMoveIn.Name().ZH)
	for _, k := range hub.SyncEventKinds() {
		assert.True(t, k.Valid())
		assert.NotContains(t, k.Name().ZH, "未知")
	}
	assert.False(t, hub.SyncEventKind("x").Valid())
	assert.Equal(t, "", hub.SyncReason(200).Code())
	for _, p := range []hub.SyncProfile{hub.ProfileSixSync, hub.ProfileJingan, hub.ProfileThreeSync} {
		assert.True(t, p.Valid())
		assert.NotContains(t, p.Name().ZH, "未知")
	}
}

func TestSyncCheck_LongLogsGiveTheSameResult(t *testing.T) {
	c := syncChecker(t, hubrules.Kaixuan)
	short := syncWith(syncFullOrg(), hub.EventCensusRecorded, syncEv(hub.EventCensusRecorded, "2022-05-09"))
	want, err := c.Check(short, syncD("2024-06-30"))
	require.NoError(t, err)
	long := short
	long.Events = slices.Clone(short.Events)
	for i := 0; len(long.Events) <= 80; i++ {
		// old joint activities, before the reviewed quarters
		long.Events = append(long.Events, hub.SyncEvent{Kind: hub.EventJointActivity, Date: syncD("2022-04-02").AddDays(i * 5)})
	}
	got, err := c.Check(long, syncD("2024-06-30"))
	require.NoError(t, err)
	assert.Equal(t, want.Links, got.Links)
	assert.Equal(t, hubrules.Fail, got.Link(hub.LinkMoveIn).Outcome)

	dup := long
	dup.Events = append(slices.Clone(long.Events), long.Events[70])
	_, err = c.Check(dup, syncD("2024-06-30"))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	f, ok := ie.Field(hubrules.Index("events", len(dup.Events)-1))
	require.True(t, ok)
	assert.Equal(t, "duplicate", f.Code)
	assert.Contains(t, f.Message.EN, "events[70]")
}

func TestSYNC3_QuarterEdgesOverTenYears(t *testing.T) {
	mine := hubrules.MustParseParams([]byte(`package: hub
parameters:
  sync3_quarters_reviewed:
    description: {zh: 检查季度数, en: quarters reviewed}
    values:
      - {programme: kaixuan, from: "2011-01-01", value: 40, confidence: illustrative, source: {document: "test"}}
`))
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, syncD("2024-12-31"), hub.WithParams(hub.DefaultParamSet().Overlay(mine)))
	require.NoError(t, err)
	lastDays := func(skip string) hub.SyncOrg {
		o := hub.SyncOrg{ID: "q", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison,
			Events: []hub.SyncEvent{syncEv(hub.EventMovedIn, "2015-01-01")}}
		for y := 2015; y <= 2024; y++ {
			for _, md := range []string{"-03-31", "-06-30", "-09-30", "-12-31"} {
				d := hubrules.MustParseDate(hubrules.Index("", y)[1:5] + md)
				if d.String() == skip {
					continue
				}
				o.Events = append(o.Events, hub.SyncEvent{Kind: hub.EventJointActivity, Date: d})
			}
		}
		return o
	}
	r, err := c.Check(lastDays(""), syncD("2024-12-31"))
	require.NoError(t, err)
	l := r.Link(hub.LinkManagement)
	assert.Equal(t, hubrules.Pass, l.Outcome)
	assert.Equal(t, int32(40), l.QuartersChecked)
	for _, skip := range []string{"2016-03-31", "2020-03-31", "2023-03-31", "2024-12-31", "2015-03-31"} {
		r, err := c.Check(lastDays(skip), syncD("2024-12-31"))
		require.NoError(t, err)
		l := r.Link(hub.LinkManagement)
		assert.Equal(t, hubrules.Fail, l.Outcome, skip)
		assert.Equal(t, int32(1), l.QuartersShort, skip)
		want := syncD(skip).AddDays(1).AddMonths(-3)
		assert.Equal(t, want, l.FirstShortQuarter, skip)
	}
}

func TestSyncCheck_DuplicatesInAnyOrder(t *testing.T) {
	c := syncChecker(t, hubrules.Kaixuan)
	for _, dates := range [][]string{
		{"2023-01-01", "2023-02-01", "2023-02-01"},
		{"2023-02-01", "2023-01-01", "2023-02-01"},
		{"2023-03-01", "2023-02-01", "2023-01-01", "2023-02-01"},
	} {
		o := hub.SyncOrg{ID: "d", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison}
		for _, d := range dates {
			o.Events = append(o.Events, syncEv(hub.EventJointActivity, d))
		}
		_, err := c.Check(o, syncD("2024-06-30"))
		var ie *hubrules.InputError
		require.ErrorAs(t, err, &ie, dates)
		f, ok := ie.Field(hubrules.Index("events", len(dates)-1))
		require.True(t, ok, dates)
		assert.Equal(t, "duplicate", f.Code)
	}
	o := hub.SyncOrg{ID: "d", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{
		syncEv(hub.EventJointActivity, "2023-03-01"), syncEv(hub.EventJointActivity, "2023-01-01"), syncEv(hub.EventCensusRecorded, "2023-01-01")}}
	_, err := c.Check(o, syncD("2024-06-30"))
	assert.NoError(t, err, "same date, different kinds")
}

// Issue 16 item 9: no SYNC finding names a fact twice with different
// values (SYNC-4 and SYNC-6 printed annual_report_filed_date=2024-05-18 …
// annual_report_filed_date=none: the business event was also listed as
// its own evidence, unseen when its flag was missing).
func TestSYNC_FactsNeverContradict(t *testing.T) {
	orgs := append(syncMix(300), syncGoldenOrg(), syncFullOrg())
	full := syncFullOrg()
	orgs = append(orgs,
		syncWith(full, hub.EventEvaluated, syncEv(hub.EventEvaluated, "2024-04-10")),
		syncWith(full, hub.EventAnnualReportFiled, hub.SyncEvent{Kind: hub.EventAnnualReportFiled, Date: syncD("2024-05-18")}),
		syncWith(full, hub.EventCandidatesReviewed, syncEv(hub.EventCandidatesReviewed, "2024-03-11")))
	reasons := map[string]bool{}
	for _, p := range []hubrules.Programme{hubrules.Kaixuan, hubrules.Jingan, hubrules.Wuliqiao, hubrules.National} {
		c := syncChecker(t, p)
		for _, o := range orgs {
			r, err := c.Check(o, syncD("2024-06-30"))
			require.NoError(t, err, o.ID)
			for _, f := range r.Report().Findings {
				reasons[f.Rule+" "+f.Message.EN] = true
				seen := map[string]string{}
				for _, x := range f.Facts {
					if v, ok := seen[x.Name]; ok && v != x.Value {
						t.Errorf("%s %s %s: fact %s is both %q and %q", p, o.ID, f.Rule, x.Name, v, x.Value)
					}
					seen[x.Name] = x.Value
				}
			}
		}
	}
	for _, rule := range []string{"SYNC-1", "SYNC-2", "SYNC-3", "SYNC-4", "SYNC-5", "SYNC-6"} {
		found := false
		for k := range reasons {
			found = found || strings.HasPrefix(k, rule+" ")
		}
		assert.True(t, found, "%s has a finding among the inputs", rule)
	}
}
