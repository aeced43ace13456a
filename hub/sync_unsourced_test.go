package hub_test

import (
	"encoding/json"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestSyncResult_AppendUnsourcedIsMarshalJSONWithoutTheLinksSources: the
// JSON Lines form of a result is its JSON with every link's source left
// out and handed over by rule ID, each the rule's catalogue source.
func TestSyncResult_AppendUnsourcedIsMarshalJSONWithoutTheLinksSources(t *testing.T) {
	asOf := hubrules.MustParseDate("2024-12-31")
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	require.NoError(t, err)
	res, err := c.Check(hub.SyncOrg{ID: "org-1", FormalMembers: hubrules.Ptr(4), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{
		{Kind: hub.EventRegistered, Date: hubrules.MustParseDate("2024-03-01")},
		{Kind: hub.EventWorkPlanSubmitted, Date: hubrules.MustParseDate("2024-03-20")},
	}}, asOf)
	require.NoError(t, err)
	full, err := res.MarshalJSON()
	require.NoError(t, err)
	got := map[string]hubrules.Source{}
	part, err := res.AppendUnsourced([]byte("x"), func(rule string, s hubrules.Source) { got[rule] = s })
	require.NoError(t, err)
	require.Equal(t, byte('x'), part[0], "appended")
	var want, have map[string]any
	require.NoError(t, json.Unmarshal(full, &want))
	require.NoError(t, json.Unmarshal(part[1:], &have))
	links := want["links"].([]any)
	require.Len(t, links, 6)
	for _, l := range links {
		l := l.(map[string]any)
		rule := l["rule"].(string)
		r, ok := hub.SyncRules().Lookup(rule)
		require.True(t, ok, rule)
		assert.Equal(t, r.Source, got[rule], rule)
		delete(l, "source")
	}
	assert.Equal(t, want, have)
	assert.Len(t, got, 6)
}
