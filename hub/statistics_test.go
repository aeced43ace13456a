package hub_test

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// statSample is the CLI's sample input of check statistics.
func statSample(t *testing.T) hub.Members {
	return decodedMembers(t, fixture(t, "../../cmd/hubrules/testdata/check-statistics.json"))
}

func TestHUB_COV_01_Statistics(t *testing.T) {
	c := checker(t, hubrules.National)
	s, err := c.Statistics(statSample(t), asOf)
	require.NoError(t, err)
	cases := []struct {
		name string
		line hub.StatCount
		want int
		rule string
	}{
		{"organizations in all", s.Organizations, 10, hub.RuleCov01},
		{"with a party organization: 3 own + 3 joint + 1 activity", s.WithPartyOrg, 7, hub.RuleCov01},
		{"own committee (given)", s.OwnCommittees, 1, hub.RuleForm02},
		{"own general branch (60 members, derived)", s.OwnGeneralBranches, 1, hub.RuleForm02},
		{"own branch (3 members, derived)", s.OwnBranches, 1, hub.RuleForm02},
		{"joint general branches: one body", s.JointGeneralBranches, 1, hub.RuleForm03},
		{"… covering two organizations", s.JointGeneralBranchOrgs, 2, hub.RuleForm03},
		{"joint branches: one body", s.JointBranches, 1, hub.RuleForm03},
		{"… covering one organization", s.JointBranchOrgs, 1, hub.RuleForm03},
		{"activity branch organizations", s.ActivityBranchOrgs, 1, hub.RuleCov01},
		{"party members, no party organization (the liaison with 2)", s.MembersWithoutPartyOrg, 1, hub.RuleCov02},
		{"without party members", s.WithoutPartyMembers, 2, hub.RuleForm01},
		{"liaison or instructor sent in", s.InstructorOrLiaisonSent, 2, hub.RuleCov01},
		{"formal members: 120+60+3+2+1+2+1+2, activity persons not again", s.FormalMembers, 191, hub.RuleCov01},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, tc.line.Count)
			assert.Equal(t, tc.rule, tc.line.Rule)
		})
	}
	assert.Equal(t, 1, s.OwnGeneralBranches.Derived)
	assert.Equal(t, 0, s.OwnCommittees.Derived)
	assert.Equal(t, hubrules.Pass, s.Report.Outcome(hub.RuleCov01))
	// The boundaries of HUB-FORM-02 decide a derived body: 50 a general
	// branch, 100 a committee — as HUB-STRUCT-01 expects.
	for _, n := range []struct {
		members int
		body    string
	}{{49, "branch"}, {50, "general_branch"}, {99, "general_branch"}, {100, "committee"}} {
		r, err := c.Statistics(hub.Members{Members: []hub.Member{{ID: "x", Form: hubrules.OwnBranch, FormalMembers: hubrules.Ptr(n.members)}}}, asOf)
		require.NoError(t, err)
		got := map[string]int{"branch": r.OwnBranches.Count, "general_branch": r.OwnGeneralBranches.Count, "committee": r.OwnCommittees.Count}
		assert.Equal(t, 1, got[n.body], "%d members", n.members)
	}
	// The table has Chinese column heads, English ones with EN.
	assert.Contains(t, s.Describe(hubrules.ZH), "项目\t数量\t依据规则")
	assert.Contains(t, s.Describe(hubrules.ZH), "正式党员总数（每人只计一次）\t191\tHUB-COV-01")
	assert.Contains(t, s.Describe(hubrules.EN), "item\tcount\trule")
	b, err := json.Marshal(s)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"joint_general_branches":{"count":1,"rule":"HUB-FORM-03"}`)
}

// Issue 16 item 10: 一方隶属、双向管理、双边活动. A person's formal
// membership is in one organization: listed by two it is a finding and
// counted once; an activity branch's persons are not counted again.
func TestHUB_COV_01_OneHomeOrganization(t *testing.T) {
	c := checker(t, hubrules.National)
	base := func() hub.Members { return statSample(t) }
	twice := base()
	twice.Members[6].Persons = []string{"党员1"} // 示例组织庚 also claims 党员1 of 示例组织丙
	three := base()
	three.Members[6].Persons = []string{"党员1"}
	three.Members[1].Persons = make([]string, 60)
	for i := range three.Members[1].Persons {
		three.Members[1].Persons[i] = "乙" + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	three.Members[1].Persons[0] = "党员1"
	cases := []struct {
		name     string
		members  hub.Members
		formal   int
		outcome  hubrules.Outcome
		findings int
		errPath  string
	}{
		{"each person at one home", base(), 191, hubrules.Pass, 0, ""},
		{"one person claimed by two organizations", twice, 190, hubrules.Fail, 1, ""},
		{"one person claimed by three organizations: one finding, counted once", three, 189, hubrules.Fail, 1, ""},
		{"activity persons on a branch that is not an activity branch", func() hub.Members {
			m := base()
			m.Members[2].ActivityPersons = []string{"党员9"}
			return m
		}(), 0, "", 0, "members[2].activity_persons"},
		{"persons not as many as the formal members", func() hub.Members {
			m := base()
			m.Members[2].Persons = []string{"党员1"}
			return m
		}(), 0, "", 0, "members[2].persons"},
		{"a person twice in one organization", func() hub.Members {
			m := base()
			m.Members[2].Persons = []string{"党员1", "党员1", "党员3"}
			return m
		}(), 0, "", 0, "members[2].persons[1]"},
		{"a joint body not listed", func() hub.Members {
			m := base()
			m.Members[3].JointBody = "别处"
			return m
		}(), 0, "", 0, "members[3].joint_body"},
		{"a party body on a joint branch member", func() hub.Members {
			m := base()
			m.Members[3].PartyBody = hub.Branch
			return m
		}(), 0, "", 0, "members[3].party_body"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			s, err := c.Statistics(tc.members, asOf)
			cov, cerr := c.Coverage(tc.members, asOf)
			if tc.errPath != "" {
				requireField(t, err, tc.errPath)
				requireField(t, cerr, tc.errPath)
				return
			}
			require.NoError(t, err)
			require.NoError(t, cerr)
			assert.Equal(t, tc.formal, s.FormalMembers.Count)
			assert.Equal(t, tc.outcome, s.Report.Outcome(hub.RuleCov01))
			covClaims := 0
			for _, f := range cov.Report.FindingsFor(hub.RuleCov01) {
				if f.Severity == hubrules.Violation {
					covClaims++
				}
			}
			assert.Equal(t, tc.findings, covClaims, "coverage says it too")
			var claims int
			for _, f := range s.Report.FindingsFor(hub.RuleCov01) {
				if f.Severity == hubrules.Violation {
					claims++
					assert.Equal(t, "党员1", f.Subject)
				}
			}
			assert.Equal(t, tc.findings, claims)
		})
	}
}
