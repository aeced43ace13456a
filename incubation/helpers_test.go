package incubation_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/incubation"
)

var day0 = hubrules.MustParseDate("2024-03-01")

func machine(t testing.TB) *incubation.Machine {
	t.Helper()
	m, err := incubation.NewMachine(hubrules.Kaixuan, day0)
	require.NoError(t, err)
	return m
}

func admitFacts() incubation.Facts {
	return incubation.Facts{Actor: "凯益荟", ServesCommunity: true, Leader: "张琴", CensusDone: true,
		EntryMode: incubation.AsOrganization, Base: incubation.SocialBase}
}

func gradFacts() incubation.Facts {
	return incubation.Facts{Actor: "评估组", Registration: incubation.Filed, OwnBoard: true, OwnAccounts: true, PremisesAgreement: true,
		FormalMembers: hubrules.Ptr(3), PartyForm: hubrules.OwnBranch, ProjectsDelivered: hubrules.Ptr(1),
		AssessmentScore: incubation.ScoreOf(hubrules.Pt(60)), SatisfactionPercent: incubation.ScoreOf(hubrules.Pt(80))}
}

// fire fires and requires no error.
func fire(t testing.TB, m *incubation.Machine, r incubation.Record, tr incubation.Trigger, f incubation.Facts, d hubrules.Date) (incubation.Record, incubation.Decision) {
	t.Helper()
	next, dec, err := m.Fire(r, tr, f, d)
	require.NoError(t, err)
	return next, dec
}

// recordIn returns a record brought into state s by legal firings.
func recordIn(t testing.TB, m *incubation.Machine, s incubation.State) incubation.Record {
	t.Helper()
	r := incubation.NewRecord("org-1")
	d := day0
	path := map[incubation.State][]incubation.Trigger{
		incubation.Applied:    nil,
		incubation.Rejected:   {incubation.Reject},
		incubation.Incubating: {incubation.Admit},
		incubation.Growing:    {incubation.Admit, incubation.Promote},
		incubation.Graduated:  {incubation.Admit, incubation.Promote, incubation.Graduate},
		incubation.Governing:  {incubation.Admit, incubation.Promote, incubation.Graduate, incubation.Engage},
		incubation.Exited:     {incubation.Admit, incubation.Exit},
		incubation.Terminated: {incubation.Admit, incubation.Terminate},
	}[s]
	for _, tr := range path {
		d = d.AddDays(30)
		f := goodFacts(tr)
		var dec incubation.Decision
		r, dec = fire(t, m, r, tr, f, d)
		require.True(t, dec.Fired(), "%s: %v", tr, dec.Unmet())
	}
	require.Equal(t, s, r.State)
	return r
}

// goodFacts returns facts under which tr's guards hold.
func goodFacts(tr incubation.Trigger) incubation.Facts {
	switch tr {
	case incubation.Admit:
		return admitFacts()
	case incubation.Graduate:
		return gradFacts()
	case incubation.Engage:
		return incubation.Facts{GovernanceProject: incubation.ClaimedProject}
	}
	return incubation.Facts{}
}
