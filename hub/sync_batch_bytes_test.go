package hub

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
)

// TestSyncBatchBytes: Bytes counts each organization's entry and each
// event held, and a refused Add changes nothing.
func TestSyncBatchBytes(t *testing.T) {
	require.Zero(t, (*SyncBatch)(nil).Bytes())
	var b SyncBatch
	require.Zero(t, b.Bytes())
	one := 1
	org := SyncOrg{ID: "a", FormalMembers: &one, PartyForm: hubrules.Liaison, Events: []SyncEvent{
		{Kind: EventRegistered, Date: hubrules.MustParseDate("2024-01-05")}, {Kind: EventWorkPlanSubmitted, Date: hubrules.MustParseDate("2024-01-06")}}}
	require.NoError(t, b.Add(&org))
	org.ID = "b"
	org.Events = org.Events[:1]
	require.NoError(t, b.Add(&org))
	want := 2*int(reflect.TypeOf(syncBatchOrg{}).Size()) + 3*int(reflect.TypeOf(syncEv{}).Size())
	require.Equal(t, want, b.Bytes())
	org.ID = ""
	require.Error(t, b.Add(&org))
	require.Equal(t, want, b.Bytes())
}
