package hub_test

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
	"github.com/hubrules/hubrules/internal/testutil"
)

// hubResults is every result and accessor value of c and sc for one set of
// inputs.
func hubResults(t testing.TB, c *hub.Checker, sc *hub.SyncChecker) []any {
	d := hubrules.MustParseDate
	var out []any
	add := func(v any, err error) {
		if err != nil {
			t.Errorf("%v", err)
		}
		out = append(out, v)
	}
	out = append(out, c.Basis(), c.Params(), sc.Basis(), sc.Params())
	m, err := hub.DecodeMembers(fixture(t, "wuliqiao_members.json"))
	require.NoError(t, err)
	add(c.Coverage(m, asOf))
	s, err := hub.DecodeStructure(fixture(t, "kaixuan_structure.json"))
	require.NoError(t, err)
	add(c.CheckStructure(s, asOf))
	add(c.CheckAdmin(hub.Assignments{Tasks: []hub.Assignment{{Task: hub.CollectDues, Assignee: hub.AssignedToHub}}}, asOf))
	add(c.CheckFunctions([]hub.Function{hub.Incubation, hub.Voice}, asOf))
	add(c.CheckBoard(hub.Board{TermStarted: d("2019-03-01")}, asOf))
	add(c.CheckCentre(hub.Centre{RunsDoubleIncubation: true, LegalForm: hubrules.SocialGroup, OfficeM2: 80, ExternalOperator: true, OperatorGrade: hubrules.Grade2A}, asOf))
	add(c.CheckDedicationDay(hub.Calendar{From: d("2024-01-01"), To: d("2024-06-30"), Activities: []hubrules.Date{d("2024-01-25")}}, asOf))
	add(c.CheckPosts(hub.Posts{DeputySecretaries: []string{"wang"}, ResidentsDirector: "li", WorkStationHead: "wang", SocialWorkStationHead: "li"}, asOf))
	add(c.CheckStation(hub.Station{SocialWorkerPosts: hubrules.Ptr(1), ResidentsCommitteeStaff: hubrules.Ptr(1), CommunityOrgs: hubrules.Ptr(4)}, asOf))
	add(c.CheckFourPlusOne([]hub.BodyStaff{{Body: hub.PartyCommittee, Certified: hubrules.Ptr(2)}, {Body: hub.SocialWorkStation, Certified: hubrules.Ptr(0)}}, asOf))
	add(c.Form(5))
	add(c.Term(hub.Body{Kind: hub.Branch, ElectedOn: d("2021-03-01")}, asOf))
	for _, org := range []hub.SyncOrg{syncFullOrg(), syncWith(syncFullOrg(), hub.EventPartyOrgApproved)} {
		r, err := sc.Check(org, asOf)
		add(r, err)
		out = append(out, r.Basis(), r.Report())
		var into hub.SyncResult
		add(into, sc.CheckInto(&into, &org, asOf))
	}
	return out
}

// Results are values: 16 goroutines share each prepared checker, one
// scribbles over every result it gets (basis parameters, findings' facts,
// accessor values), and the others still get what a fresh checker gives.
func TestHUB_ResultsShareNoMemoryWithTheChecker(t *testing.T) {
	for _, p := range []hubrules.Programme{hubrules.Kaixuan, hubrules.Xiyuan, hubrules.Jingan} {
		t.Run(string(p), func(t *testing.T) {
			want := hubResults(t, checker(t, p), syncChecker(t, p))
			c, sc := checker(t, p), syncChecker(t, p)
			testutil.Shared(t, 8, want, func() []any { return hubResults(t, c, sc) })
		})
	}
}
