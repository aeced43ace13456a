package hub_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// Issue 16 item 11: where a hub rule lacks the record it needs, the
// outcome says so — a finding of its own, not applicable with a finding,
// or an input error — and never a pass.
func TestHUB_MissingRecordsAreNeverCompliance(t *testing.T) {
	c := checker(t, hubrules.Wuliqiao)
	cov := func(m hub.Member) hubrules.Report {
		r, err := c.Coverage(hub.Members{Hub: "h", Members: []hub.Member{m}}, asOf)
		require.NoError(t, err)
		return r.Report
	}
	own := func() hub.Member {
		return hub.Member{ID: "a", Form: hubrules.OwnBranch, FormalMembers: hubrules.Ptr(3), CensusOn: asOf, CrossAppointed: true, CrossAppointedPersons: hubrules.Ptr(1)}
	}
	noCensus := own()
	noCensus.CensusOn = hubrules.Date{}
	noPersons := own()
	noPersons.CrossAppointedPersons = nil
	st, err := c.CheckStructure(hub.Structure{Hub: "h", Bodies: []hub.Body{
		{ID: "b", Kind: hub.Branch, FormalMembers: hubrules.Ptr(5), CommitteeSize: hubrules.Ptr(0)}}}, asOf)
	require.NoError(t, err)
	sc := syncChecker(t, hubrules.Kaixuan)
	noReports := syncWith(syncFullOrg(), hub.EventAnnualReportFiled)
	sr, err := sc.Check(noReports, syncD("2024-06-30"))
	require.NoError(t, err)
	noCensusSync := syncWith(syncFullOrg(), hub.EventCensusRecorded)
	sr2, err := sc.Check(noCensusSync, syncD("2024-06-30"))
	require.NoError(t, err)

	cases := []struct {
		name     string
		rep      hubrules.Report
		rule     string
		outcome  hubrules.Outcome
		severity hubrules.Severity
	}{
		{"HUB-CENSUS-01 without a census", cov(noCensus), hub.RuleCensus01, hubrules.Fail, hubrules.Violation},
		{"HUB-XAPT-01 without the count of persons", cov(noPersons), hub.RuleXapt01, hubrules.NotApplicable, hubrules.Warning},
		{"HUB-TERM-01 without an election date", st.Report, hub.RuleTerm01, hubrules.NotApplicable, hubrules.Notice},
		{"SYNC-4 without any annual report", sr.Report(), "SYNC-4", hubrules.Fail, hubrules.Violation},
		{"SYNC-2 without a census after the move-in", sr2.Report(), "SYNC-2", hubrules.Fail, hubrules.Violation},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.outcome, tc.rep.Outcome(tc.rule))
			fs := tc.rep.FindingsFor(tc.rule)
			require.NotEmpty(t, fs, "a finding says the record is missing")
			assert.Equal(t, tc.severity, fs[0].Severity)
		})
	}
	// SYNC-1's approval without the count at registration: refused.
	o := syncFullOrg()
	o.FormalMembersAtRegistration = nil
	_, err = syncChecker(t, hubrules.Wuliqiao).Check(o, syncD("2024-06-30"))
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "formal_members_at_registration", ie.Fields[0].Path)
}
