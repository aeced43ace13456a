package hub_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

func TestHUB_FORM_01_RequiredForm(t *testing.T) {
	c := checker(t, hubrules.National)
	cases := []struct {
		formal int
		want   hubrules.PartyForm
		also   hubrules.PartyForm
	}{
		{0, hubrules.Liaison, ""},
		{1, hubrules.JointBranch, hubrules.ActivityBranch},
		{2, hubrules.JointBranch, hubrules.ActivityBranch},
		{3, hubrules.OwnBranch, ""},
		{4, hubrules.OwnBranch, ""},
	}
	for _, tc := range cases {
		d, err := c.Form(tc.formal)
		require.NoError(t, err)
		assert.Equal(t, tc.want, d.Required, "formal=%d", tc.formal)
		assert.Equal(t, tc.also, d.AlsoAccepted, "formal=%d", tc.formal)
	}
	d, _ := c.Form(2)
	assert.True(t, d.Accepts(hubrules.ActivityBranch))
	assert.True(t, d.Accepts(hubrules.OwnBranch))
	assert.False(t, d.Accepts(hubrules.Liaison))
	_, err := c.Form(-1)
	inputError(t, err, "formal_members")
}

func TestHUB_FORM_02_BodyAndCommittee(t *testing.T) {
	c := checker(t, hubrules.National)
	cases := []struct {
		formal    int
		body      hub.BodyKind
		committee bool
	}{
		{2, "", false},
		{3, hub.Branch, false},
		{6, hub.Branch, false},
		{7, hub.Branch, true},
		{49, hub.Branch, true},
		{50, hub.GeneralBranch, true},
		{99, hub.GeneralBranch, true},
		{100, hub.Committee, true},
	}
	for _, tc := range cases {
		d, err := c.Form(tc.formal)
		require.NoError(t, err)
		assert.Equal(t, tc.body, d.Body, "formal=%d", tc.formal)
		assert.Equal(t, tc.committee, d.BranchCommittee, "formal=%d", tc.formal)
	}
	d, _ := c.Form(7)
	assert.Equal(t, [3]int{3, 5, 7}, [3]int{d.CommitteeMin, d.CommitteeMax, d.CommitteeCap})
	assert.Contains(t, d.Describe(hubrules.EN), "committee of 3–5 (at most 7)")
	d, _ = c.Form(6)
	assert.Contains(t, d.Describe(hubrules.ZH), "只设书记")
}

// Issue 16 item 4: each body kind its own size rule. The branch
// committee's 3–5 (at most 7) is a branch's; a general branch or a
// basic-level committee elects a committee with no size rule, and
// HUB-FORM-02 and HUB-STRUCT-01 agree at exactly 50 and 100 members.
func TestHUB_FORM_02_SizesPerBody(t *testing.T) {
	c := checker(t, hubrules.National)
	cases := []struct {
		formal     int
		body       hub.BodyKind
		sizes      [3]int
		noSizeRule bool
	}{
		{7, hub.Branch, [3]int{3, 5, 7}, false},
		{49, hub.Branch, [3]int{3, 5, 7}, false},
		{50, hub.GeneralBranch, [3]int{}, true},
		{99, hub.GeneralBranch, [3]int{}, true},
		{100, hub.Committee, [3]int{}, true},
	}
	for _, tc := range cases {
		d, err := c.Form(tc.formal)
		require.NoError(t, err)
		assert.Equal(t, tc.body, d.Body, "formal=%d", tc.formal)
		assert.True(t, d.BranchCommittee, "formal=%d elects a committee", tc.formal)
		assert.Equal(t, tc.sizes, [3]int{d.CommitteeMin, d.CommitteeMax, d.CommitteeCap}, "formal=%d", tc.formal)
		assert.Equal(t, tc.noSizeRule, d.NoSizeRule, "formal=%d", tc.formal)
		if tc.noSizeRule {
			assert.Contains(t, d.Describe(hubrules.EN), "no size rule applies")
			assert.Contains(t, d.Describe(hubrules.ZH), "人数没有统一规定")
			assert.NotContains(t, d.Describe(hubrules.EN), "3–5")
		}
		// The structure check agrees: a body of the kind HUB-FORM-02
		// names draws no size warning, the kind below it does.
		for _, kind := range []hub.BodyKind{hub.Branch, hub.GeneralBranch, hub.Committee} {
			r, err := c.CheckStructure(hub.Structure{Hub: "h", Bodies: []hub.Body{
				{ID: "b", Kind: kind, FormalMembers: hubrules.Ptr(tc.formal), CommitteeSize: hubrules.Ptr(5)}}}, asOf)
			require.NoError(t, err)
			warned := len(r.Report.FindingsFor(hub.RuleForm02)) > 0
			assert.Equal(t, kind != tc.body, warned, "formal=%d kind=%s", tc.formal, kind)
			assert.Equal(t, tc.body, r.Bodies[0].Expected, "formal=%d", tc.formal)
		}
	}
}

func branch(id string, formal, committee int) hub.Body {
	return hub.Body{ID: id, Kind: hub.Branch, FormalMembers: hubrules.Ptr(formal), CommitteeSize: hubrules.Ptr(committee)}
}

func TestHUB_FORM_02_StructureFindings(t *testing.T) {
	c := checker(t, hubrules.National)
	cases := []struct {
		name    string
		body    hub.Body
		outcome hubrules.Outcome
		sev     hubrules.Severity // of the FORM-02 finding, "" for none
	}{
		{"6 members, secretary only", branch("b", 6, 0), hubrules.Pass, ""},
		{"6 members with a committee", branch("b", 6, 3), hubrules.Pass, hubrules.Warning},
		{"7 members, no committee", branch("b", 7, 0), hubrules.Fail, hubrules.Violation},
		{"7 members, committee of 3", branch("b", 7, 3), hubrules.Pass, ""},
		{"committee of 2", branch("b", 9, 2), hubrules.Fail, hubrules.Violation},
		{"committee of 6", branch("b", 9, 6), hubrules.Pass, hubrules.Warning},
		{"committee of 8", branch("b", 9, 8), hubrules.Fail, hubrules.Violation},
		{"branch of 49", branch("b", 49, 5), hubrules.Pass, ""},
		{"branch of 50: the general-branch threshold", branch("b", 50, 5), hubrules.Pass, hubrules.Warning},
		{"branch of 51", branch("b", 51, 5), hubrules.Pass, hubrules.Warning},
		{"general branch of 49", hub.Body{ID: "b", Kind: hub.GeneralBranch, FormalMembers: hubrules.Ptr(49), CommitteeSize: hubrules.Ptr(5)}, hubrules.Pass, hubrules.Warning},
		{"general branch of 49 approved", hub.Body{ID: "b", Kind: hub.GeneralBranch, FormalMembers: hubrules.Ptr(49), CommitteeSize: hubrules.Ptr(5), Approved: true}, hubrules.Pass, ""},
		{"general branch of 50", hub.Body{ID: "b", Kind: hub.GeneralBranch, FormalMembers: hubrules.Ptr(50), CommitteeSize: hubrules.Ptr(5)}, hubrules.Pass, ""},
		{"general branch of 100", hub.Body{ID: "b", Kind: hub.GeneralBranch, FormalMembers: hubrules.Ptr(100), CommitteeSize: hubrules.Ptr(5)}, hubrules.Pass, hubrules.Warning},
		{"committee of 99 members", hub.Body{ID: "b", Kind: hub.Committee, FormalMembers: hubrules.Ptr(99), CommitteeSize: hubrules.Ptr(5)}, hubrules.Pass, hubrules.Warning},
		{"committee of 100 members", hub.Body{ID: "b", Kind: hub.Committee, FormalMembers: hubrules.Ptr(100), CommitteeSize: hubrules.Ptr(5)}, hubrules.Pass, ""},
	}
	for _, tc := range cases {
		t.Run("HUB-FORM-02/"+tc.name, func(t *testing.T) {
			r, err := c.CheckStructure(hub.Structure{Hub: "h", Bodies: []hub.Body{tc.body}}, asOf)
			require.NoError(t, err)
			assert.Equal(t, tc.outcome, r.Report.Outcome(hub.RuleForm02))
			fs := r.Report.FindingsFor(hub.RuleForm02)
			if tc.sev == "" {
				assert.Empty(t, fs)
			} else {
				require.Len(t, fs, 1)
				assert.Equal(t, tc.sev, fs[0].Severity)
			}
		})
	}
}

func TestHUB_FORM_03_JointBranchUnits(t *testing.T) {
	c := checker(t, hubrules.National)
	joint := func(units ...string) hub.Body {
		return hub.Body{ID: "j", Kind: hub.JointBranchBody, FormalMembers: hubrules.Ptr(5), Units: units, CommitteeSize: hubrules.Ptr(0)}
	}
	r, err := c.CheckStructure(hub.Structure{Bodies: []hub.Body{joint("a", "b", "c", "d", "e")}}, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Pass, r.Report.Outcome("HUB-FORM-03"))
	r, err = c.CheckStructure(hub.Structure{Bodies: []hub.Body{joint("a", "b", "c", "d", "e", "f")}}, asOf)
	require.NoError(t, err)
	assert.Equal(t, hubrules.Fail, r.Report.Outcome(hub.RuleForm03))
	require.Len(t, r.Report.FindingsFor(hub.RuleForm03), 1)
	assert.Contains(t, r.Report.FindingsFor(hub.RuleForm03)[0].Facts, hubrules.Fact{Name: "units", Value: "6"})

	// An organization in two joint branches is malformed input.
	j2 := joint("x", "c")
	j2.ID = "j2"
	_, err = c.CheckStructure(hub.Structure{Bodies: []hub.Body{joint("a", "b", "c"), j2}}, asOf)
	inputError(t, err, "bodies[1].units[1]")
}

func TestHUB_TERM_01_DueDatesAndExtension(t *testing.T) {
	c := checker(t, hubrules.National)
	d := hubrules.MustParseDate
	cases := []struct {
		name      string
		kind      hub.BodyKind
		community bool
		elected   string
		extended  string
		asOf      string
		due       string
		deadline  string
		overdue   bool
		soon      bool
		tooLong   bool
	}{
		{"branch 3 years, on the due day", hub.Branch, false, "2021-06-30", "", "2024-06-30", "2024-06-30", "2024-06-30", false, true, false},
		{"branch 3 years, day after", hub.Branch, false, "2021-06-30", "", "2024-07-01", "2024-06-30", "2024-06-30", true, false, false},
		{"general branch 3 years", hub.GeneralBranch, false, "2022-01-01", "", "2024-06-30", "2025-01-01", "2025-01-01", false, false, false},
		{"committee 5 years", hub.Committee, false, "2020-01-01", "", "2024-06-30", "2025-01-01", "2025-01-01", false, false, false},
		{"community branch 5 years", hub.Branch, true, "2020-01-01", "", "2024-06-30", "2025-01-01", "2025-01-01", false, false, false},
		{"due soon at 90 days", hub.Branch, false, "2021-09-28", "", "2024-06-30", "2024-09-28", "2024-09-28", false, true, false},
		{"not due soon at 91 days", hub.Branch, false, "2021-09-29", "", "2024-06-30", "2024-09-29", "2024-09-29", false, false, false},
		{"extension of 12 months", hub.Branch, false, "2020-06-30", "2024-06-30", "2024-06-30", "2023-06-30", "2024-06-30", false, true, false},
		{"extension of 12 months, overdue", hub.Branch, false, "2020-06-30", "2024-06-30", "2024-07-01", "2023-06-30", "2024-06-30", true, false, false},
		{"extension of 12 months and a day", hub.Branch, false, "2020-06-30", "2024-07-01", "2024-06-30", "2023-06-30", "2024-06-30", false, true, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var ext hubrules.Date
			if tc.extended != "" {
				ext = d(tc.extended)
			}
			ts, err := c.Term(hub.Body{Kind: tc.kind, Community: tc.community, ElectedOn: d(tc.elected), ExtendedTo: ext}, d(tc.asOf))
			require.NoError(t, err)
			assert.Equal(t, tc.due, ts.Due.String())
			assert.Equal(t, tc.deadline, ts.Deadline.String())
			assert.Equal(t, tc.overdue, ts.Overdue)
			assert.Equal(t, tc.soon, ts.DueSoon)
			assert.Equal(t, tc.tooLong, ts.ExtensionTooLong)
		})
	}
	_, err := c.Term(hub.Body{Kind: hub.Branch, ElectedOn: d("2024-07-01")}, asOf)
	inputError(t, err, "elected_on")
	_, err = c.Term(hub.Body{Kind: hub.Branch, ElectedOn: d("2020-01-01"), ExtendedTo: d("2022-01-01")}, asOf)
	inputError(t, err, "extended_to")
	_, err = c.Term(hub.Body{Kind: "cell", ElectedOn: d("2020-01-01")}, asOf)
	inputError(t, err, "kind")
}

func TestHUB_TERM_01_InStructure(t *testing.T) {
	c := checker(t, hubrules.National)
	s := hub.Structure{Hub: "h", Bodies: []hub.Body{
		{ID: "old", Kind: hub.Branch, FormalMembers: hubrules.Ptr(5), ElectedOn: hubrules.MustParseDate("2020-01-01"), CommitteeSize: hubrules.Ptr(0)},
		{ID: "new", Kind: hub.Branch, FormalMembers: hubrules.Ptr(5), ElectedOn: hubrules.MustParseDate("2023-01-01"), CommitteeSize: hubrules.Ptr(0)},
		{ID: "none", Kind: hub.Branch, FormalMembers: hubrules.Ptr(5), CommitteeSize: hubrules.Ptr(0)},
	}}
	r, err := c.CheckStructure(s, asOf)
	require.NoError(t, err)
	fs := r.Report.FindingsFor(hub.RuleTerm01)
	require.Len(t, fs, 2)
	assert.Equal(t, "old", fs[0].Subject)
	assert.Equal(t, hubrules.Violation, fs[0].Severity)
	// No election date: no record, said so (issue 16 item 11).
	assert.Equal(t, "none", fs[1].Subject)
	assert.Equal(t, hubrules.Notice, fs[1].Severity)
	assert.Equal(t, hubrules.Fail, r.Report.Outcome(hub.RuleTerm01))
	require.NotNil(t, r.Bodies[0].Term)
	assert.Equal(t, "2023-01-01", r.Bodies[0].Term.Due.String())
	assert.Nil(t, r.Bodies[2].Term)
	// The terms come from the 2018 opinion, read whole (verified); the
	// due-soon notice period is illustrative, the thresholds of the organ
	// regulations and the 2022 constitution's article are secondary.
	for _, p := range r.Report.Basis.Unverified() {
		assert.Contains(t, []string{"term.due_soon_days", "form.general_branch_min_members", "form.committee_min_members", "form.own_branch_min_formal"}, p.Name)
	}
}
