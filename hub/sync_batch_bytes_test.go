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

// TestSyncBatchOrgChunks: organizations kept in chunks read back the same
// on either side of a chunk's edge, checked as CheckInto checks them, with
// and without Grow; an index past the end panics, as a slice index does.
func TestSyncBatchOrgChunks(t *testing.T) {
	asOf := hubrules.MustParseDate("2026-06-30")
	c, err := NewSyncChecker(hubrules.Kaixuan, asOf)
	require.NoError(t, err)
	forms := hubrules.PartyForms()
	orgOf := func(i int) SyncOrg {
		m := i % 5
		return SyncOrg{ID: "o-" + syncItoa(i), FormalMembers: &m, PartyForm: forms[i%len(forms)], Events: []SyncEvent{
			{Kind: EventRegistered, Date: hubrules.MustParseDate("2024-01-05").AddDays(i % 300)}}}
	}
	const n = 2*syncOrgChunk + 7
	for _, grow := range []bool{false, true} {
		var b SyncBatch
		if grow {
			b.Grow(n, n)
		}
		for i := 0; i < n; i++ {
			o := orgOf(i)
			require.NoError(t, b.Add(&o))
		}
		require.Equal(t, n, b.Len())
		for _, i := range []int{0, syncOrgChunk - 1, syncOrgChunk, 2*syncOrgChunk - 1, 2 * syncOrgChunk, n - 1} {
			o := orgOf(i)
			require.Equal(t, o.ID, b.ID(i))
			require.Equal(t, *o.FormalMembers, b.FormalMembers(i))
			require.Equal(t, o.PartyForm, b.PartyForm(i))
			var got, want SyncResult
			require.NoError(t, c.CheckBatchInto(&got, &b, i, asOf))
			require.NoError(t, c.CheckInto(&want, &o, asOf))
			require.Equal(t, want, got)
		}
		require.Panics(t, func() { b.ID(n) })
		require.Panics(t, func() { b.ID(-1) })
		require.Error(t, c.CheckBatchInto(new(SyncResult), &b, n, asOf))
	}
}
