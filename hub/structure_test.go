package hub_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

func TestHUB_STRUCT_01_KaixuanSeed(t *testing.T) {
	s, err := hub.DecodeStructure(fixture(t, "kaixuan_structure.json"))
	require.NoError(t, err)
	c := checker(t, hubrules.Kaixuan)
	r, err := c.CheckStructure(s, asOf)
	require.NoError(t, err)
	assert.Equal(t, "1+6+36", r.Formula)
	assert.Equal(t, 1, r.Committees)
	assert.Equal(t, 6, r.GeneralBranches)
	assert.Equal(t, 36, r.Branches)
	assert.Equal(t, 326, r.Members)
	assert.Empty(t, r.SmallBranches)
	assert.Equal(t, 326, r.Bodies[0].Members)
	assert.Equal(t, hub.Committee, r.Bodies[0].Expected)
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleStruct01))
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleForm02))
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleTerm01))
	assert.True(t, r.Report.Compliant(), r.Report.Describe(hubrules.EN))
	assert.Contains(t, r.Describe(hubrules.ZH), "组织架构 1+6+36")
	golden(t, "kaixuan_structure.golden.json", r)
}

func TestHUB_STRUCT_01_JinganSeed(t *testing.T) {
	s, err := hub.DecodeStructure(fixture(t, "jingan_structure.json"))
	require.NoError(t, err)
	c := checker(t, hubrules.Jingan)
	r, err := c.CheckStructure(s, asOf)
	require.NoError(t, err)
	assert.Len(t, s.Bodies, 14)
	assert.Equal(t, 0, r.Committees)
	assert.Equal(t, 7, r.GeneralBranches)
	assert.Equal(t, 6, r.Branches)
	assert.Equal(t, 1, r.JointBranches)
	assert.Equal(t, "0+7+7", r.Formula)
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleStruct01))
	assert.Equal(t, hubrules.Pass, r.Report.Outcome(hub.RuleForm03))
	assert.True(t, r.Report.Compliant(), r.Report.Describe(hubrules.EN))
}

func TestHUB_STRUCT_01_SmallBranchesFlagged(t *testing.T) {
	c := checker(t, hubrules.National)
	s := hub.Structure{Hub: "h", Bodies: []hub.Body{
		{ID: "gb", Kind: hub.GeneralBranch, FormalMembers: hubrules.Ptr(0), CommitteeSize: hubrules.Ptr(3), Approved: true},
		{ID: "b2", Kind: hub.Branch, Parent: "gb", FormalMembers: hubrules.Ptr(2), CommitteeSize: hubrules.Ptr(0)},
		{ID: "b3", Kind: hub.Branch, Parent: "gb", FormalMembers: hubrules.Ptr(3), CommitteeSize: hubrules.Ptr(0)},
		{ID: "j2", Kind: hub.JointBranchBody, Parent: "gb", FormalMembers: hubrules.Ptr(2), Units: []string{"o1", "o2"}, CommitteeSize: hubrules.Ptr(0)},
	}}
	r, err := c.CheckStructure(s, asOf)
	require.NoError(t, err)
	assert.Equal(t, []string{"b2", "j2"}, r.SmallBranches)
	assert.Equal(t, hubrules.Fail, r.Report.Outcome(hub.RuleStruct01))
	assert.Len(t, r.Report.FindingsFor(hub.RuleStruct01), 2)
	assert.Equal(t, 7, r.Bodies[0].Members)
	assert.Equal(t, "0+1+3", r.Formula)

	two := hub.Structure{Hub: "h", Bodies: []hub.Body{
		{ID: "c1", Kind: hub.Committee, FormalMembers: hubrules.Ptr(100), CommitteeSize: hubrules.Ptr(5)},
		{ID: "c2", Kind: hub.Committee, FormalMembers: hubrules.Ptr(100), CommitteeSize: hubrules.Ptr(5)},
	}}
	r, err = c.CheckStructure(two, asOf)
	require.NoError(t, err)
	require.Len(t, r.Report.FindingsFor(hub.RuleStruct01), 1)
	assert.Equal(t, hubrules.Warning, r.Report.FindingsFor(hub.RuleStruct01)[0].Severity)
}

func TestHUB_STRUCT_01_BadInput(t *testing.T) {
	c := checker(t, hubrules.National)
	cases := []struct {
		name   string
		bodies []hub.Body
		path   string
	}{
		{"duplicate id", []hub.Body{branch("a", 3, 0), branch("a", 3, 0)}, "bodies[1].id"},
		{"unknown kind", []hub.Body{{ID: "a", Kind: "cell", CommitteeSize: hubrules.Ptr(0)}}, "bodies[0].kind"},
		{"negative members", []hub.Body{branch("a", -1, 0)}, "bodies[0].formal_members"},
		{"negative committee", []hub.Body{branch("a", 3, -1)}, "bodies[0].committee_size"},
		{"unknown parent", []hub.Body{{ID: "a", FormalMembers: hubrules.Ptr(0), Kind: hub.Branch, Parent: "zz", CommitteeSize: hubrules.Ptr(0)}}, "bodies[0].parent"},
		{"branch above general branch", []hub.Body{branch("a", 3, 0), {ID: "g", FormalMembers: hubrules.Ptr(0), Kind: hub.GeneralBranch, Parent: "a", CommitteeSize: hubrules.Ptr(0)}}, "bodies[1].parent"},
		{"committee with a parent", []hub.Body{{ID: "c", FormalMembers: hubrules.Ptr(0), Kind: hub.Committee, CommitteeSize: hubrules.Ptr(0)}, {ID: "d", FormalMembers: hubrules.Ptr(0), Kind: hub.Committee, Parent: "c", CommitteeSize: hubrules.Ptr(0)}}, "bodies[1].parent"},
		{"units on an own branch", []hub.Body{{ID: "a", FormalMembers: hubrules.Ptr(0), Kind: hub.Branch, Units: []string{"x"}, CommitteeSize: hubrules.Ptr(0)}}, "bodies[0].units"},
		{"elected after as_of", []hub.Body{{ID: "a", FormalMembers: hubrules.Ptr(0), Kind: hub.Branch, ElectedOn: hubrules.MustParseDate("2025-01-01"), CommitteeSize: hubrules.Ptr(0)}}, "bodies[0].elected_on"},
		{"extension before election", []hub.Body{{ID: "a", FormalMembers: hubrules.Ptr(0), Kind: hub.Branch, ElectedOn: hubrules.MustParseDate("2022-01-01"), ExtendedTo: hubrules.MustParseDate("2021-01-01"), CommitteeSize: hubrules.Ptr(0)}}, "bodies[0].extended_to"},
		{"extension within the regular term", []hub.Body{{ID: "a", FormalMembers: hubrules.Ptr(0), Kind: hub.Branch, ElectedOn: hubrules.MustParseDate("2022-01-01"), ExtendedTo: hubrules.MustParseDate("2024-01-01"), CommitteeSize: hubrules.Ptr(0)}}, "bodies[0].extended_to"},
		{"org in two joint branches", []hub.Body{
			{ID: "j1", FormalMembers: hubrules.Ptr(0), Kind: hub.JointBranchBody, Units: []string{"o1", "o2"}, CommitteeSize: hubrules.Ptr(0)},
			{ID: "j2", FormalMembers: hubrules.Ptr(0), Kind: hub.JointBranchBody, Units: []string{"o2"}, CommitteeSize: hubrules.Ptr(0)},
		}, "bodies[1].units[0]"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := c.CheckStructure(hub.Structure{Bodies: tc.bodies}, asOf)
			inputError(t, err, tc.path)
		})
	}
	_, err := hub.DecodeStructure([]byte(`{"hub":"h","bodies":[{"id":"a","kind":"branch","formal_members":3,"committee_size":0,"color":"red"}]}`))
	inputError(t, err, "bodies[0].color")
}

// A committee size left out is missing data, not "a secretary only".
func TestHUB_FORM_02_CommitteeSizeIsRequired(t *testing.T) {
	var s hub.Structure
	err := hubrules.DecodeJSON([]byte(`{"hub":"h","bodies":[{"id":"b","kind":"branch","formal_members":9,"elected_on":"2023-01-01"}]}`), &s)
	inputError(t, err, "bodies[0].committee_size")
	_, err = checker(t, hubrules.Kaixuan).CheckStructure(hub.Structure{Hub: "h", Bodies: []hub.Body{{ID: "b", Kind: hub.Branch, FormalMembers: hubrules.Ptr(9)}}}, asOf)
	inputError(t, err, "bodies[0].committee_size")
}
