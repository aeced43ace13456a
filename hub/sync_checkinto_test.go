package hub_test

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/hub"
)

func TestSyncCheckInto_SameResultAsCheck(t *testing.T) {
	asOf := syncD("2024-06-30")
	for _, p := range []hubrules.Programme{hubrules.Kaixuan, hubrules.Jingan, hubrules.Wuliqiao} {
		c, err := hub.NewSyncChecker(p, asOf)
		require.NoError(t, err)
		var dst hub.SyncResult
		for _, org := range syncMix(200) {
			want, wantErr := c.Check(org, asOf)
			// dst still holds the previous organization's result: CheckInto
			// must overwrite all of it.
			err := c.CheckInto(&dst, &org, asOf)
			assert.Equal(t, wantErr, err, org.ID)
			assert.Equal(t, want, dst, org.ID)
		}
	}
}

func TestSyncCheckInto_ErrorLeavesZeroResult(t *testing.T) {
	asOf := syncD("2024-06-30")
	c, err := hub.NewSyncChecker(hubrules.Kaixuan, asOf)
	require.NoError(t, err)
	orgs := syncMix(1)
	var dst hub.SyncResult
	require.NoError(t, c.CheckInto(&dst, &orgs[0], asOf))
	require.NotZero(t, dst.OrgID)

	bad := hub.SyncOrg{ID: "bad", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{{Kind: "nope", Date: asOf}}}
	err = c.CheckInto(&dst, &bad, asOf)
	require.ErrorIs(t, err, hubrules.ErrInvalidInput)
	assert.Equal(t, hub.SyncResult{}, dst)
	_, checkErr := c.Check(bad, asOf)
	assert.Equal(t, checkErr, err)

	var ie *hubrules.InputError
	require.True(t, errors.As(c.CheckInto(nil, &orgs[0], asOf), &ie))
	require.ErrorIs(t, c.CheckInto(&dst, nil, asOf), hubrules.ErrInvalidInput)
	var nilChecker *hub.SyncChecker
	require.ErrorIs(t, nilChecker.CheckInto(&dst, &orgs[0], asOf), hubrules.ErrInvalidInput)
}

// The checker keeps SYNC-3's quarter window for its own date; a check as of
// any other date computes it. Both must give the same links.
func TestSYNC3_WindowOfTheCheckerDateMatchesComputed(t *testing.T) {
	orgs := syncMix(150)
	for _, day := range []string{"2024-06-30", "2024-06-29", "2024-07-01", "2024-03-31", "2024-12-31", "2023-02-28", "2024-02-29", "2024-01-01"} {
		asOf := syncD(day)
		p, b, err := hub.ResolveSync(hubrules.Kaixuan, asOf)
		require.NoError(t, err)
		own, err := hub.NewSyncChecker(b.Programme, b.AsOf, hub.WithResolved(p, b))
		require.NoError(t, err)
		// prepared for another date from the shipped set: it resolves
		// the parameters for asOf again
		other, err := hub.NewSyncChecker(b.Programme, asOf.AddDays(-400))
		require.NoError(t, err)
		for i := range orgs {
			o := orgs[i]
			var evs []hub.SyncEvent
			for _, e := range o.Events {
				if !e.Date.After(asOf) {
					evs = append(evs, e)
				}
			}
			o.Events = evs
			want, wantErr := other.Check(o, asOf)
			got, err := own.Check(o, asOf)
			require.Equal(t, wantErr, err, day+" "+o.ID)
			assert.Equal(t, want.Links, got.Links, day+" "+o.ID)
		}
	}
}

// SYNC-3's window against a plain calendar reference: for evaluation dates
// on every day around year and quarter ends and move-ins around quarter
// starts, the quarters reviewed are the last QuartersReviewed complete
// quarters that start on or after the move-in. Checked with the checker's
// own date (kept window) and another (computed window).
func TestSYNC3_WindowMatchesCalendarReference(t *testing.T) {
	p, b, err := hub.ResolveSync(hubrules.Kaixuan, syncD("2024-06-30"))
	require.NoError(t, err)
	qr := p.QuartersReviewed
	var asOfs []hubrules.Date
	for _, from := range []string{"2023-12-20", "2024-03-25", "2024-06-25", "2024-09-25", "2028-02-20"} {
		for i := 0; i < 14; i++ {
			asOfs = append(asOfs, syncD(from).AddDays(i))
		}
	}
	for _, asOf := range asOfs {
		b.AsOf = asOf
		own, err := hub.NewSyncChecker(b.Programme, b.AsOf, hub.WithResolved(p, b))
		require.NoError(t, err)
		other, err := hub.NewSyncChecker(b.Programme, asOf.AddDays(1))
		require.NoError(t, err)
		// Reference: complete quarters by calendar months.
		var complete []hubrules.Date
		for q := asOf.AddYears(-3); ; q = q.AddMonths(3) {
			start := hubrules.NewDate(q.Year(), ((q.Month()-1)/3)*3+1, 1)
			if start.AddMonths(3).AddDays(-1).After(asOf) {
				break
			}
			if len(complete) == 0 || start.After(complete[len(complete)-1]) {
				complete = append(complete, start)
			}
		}
		window := complete[len(complete)-qr:]
		for _, move := range []hubrules.Date{window[0].AddDays(-1), window[0], window[0].AddDays(1), window[qr-1], window[qr-1].AddDays(1), asOf} {
			var want []hubrules.Date
			for _, s := range window {
				if !s.Before(move) {
					want = append(want, s)
				}
			}
			org := hub.SyncOrg{ID: "w", FormalMembers: hubrules.Ptr(0), PartyForm: hubrules.Liaison, Events: []hub.SyncEvent{{Kind: hub.EventMovedIn, Date: move}}}
			for _, c := range []*hub.SyncChecker{own, other} {
				r, err := c.Check(org, asOf)
				require.NoError(t, err)
				l := r.Link(hub.LinkManagement)
				msg := asOf.String() + " move " + move.String()
				require.Equal(t, int32(len(want)), l.QuartersChecked, msg)
				if len(want) > 0 {
					assert.Equal(t, want[0], l.FirstShortQuarter, msg)
					assert.Equal(t, int32(len(want)), l.QuartersShort, msg)
				}
			}
		}
	}
}
