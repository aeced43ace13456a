package hub_test

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

// One Checker serves many goroutines; inputs are never modified.
func TestHUB_COV_01_ConcurrentUseAndUnmodifiedInput(t *testing.T) {
	c := checker(t, hubrules.Wuliqiao)
	m := wuliqiao(t)
	before := append([]hub.Member(nil), m.Members...)
	s, err := hub.DecodeStructure(fixture(t, "kaixuan_structure.json"))
	require.NoError(t, err)
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r, err := c.Coverage(m, asOf)
			assert.NoError(t, err)
			assert.Equal(t, "43.8", r.Organizational.Percent())
			sr, err := c.CheckStructure(s, asOf)
			assert.NoError(t, err)
			assert.Equal(t, "1+6+36", sr.Formula)
		}()
	}
	wg.Wait()
	assert.Equal(t, before, m.Members)
}

func TestHUB_COV_01_KaixuanGovernanceCategory(t *testing.T) {
	c := checker(t, hubrules.Kaixuan)
	ms := []hub.Member{
		{ID: "g1", Category: hub.Governance, Form: hubrules.OwnBranch, FormalMembers: hubrules.Ptr(4), CensusOn: asOf},
		{ID: "g2", FormalMembers: hubrules.Ptr(0), Category: hub.Governance, Form: hubrules.Liaison, CensusOn: asOf},
		{ID: "u1", Form: hubrules.JointBranch, FormalMembers: hubrules.Ptr(1), CensusOn: asOf},
	}
	r, err := c.Coverage(hub.Members{Hub: "kaixuan", Members: ms}, asOf)
	require.NoError(t, err)
	require.Len(t, r.ByCategory, 2)
	assert.Equal(t, hub.Governance, r.ByCategory[0].Category)
	assert.Equal(t, "1/2 = 50.0%", r.ByCategory[0].Organizational.String())
	assert.Equal(t, "2/2 = 100.0%", r.ByCategory[0].Work.String())
	assert.Equal(t, hub.Uncategorized, r.ByCategory[1].Category)
	assert.Contains(t, r.Describe(hubrules.ZH), "治理类: 2")
	assert.Contains(t, r.Describe(hubrules.ZH), "xapt.target_percent(illustrative)")
}
