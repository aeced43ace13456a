package hub

import (
	"slices"
	"sync"

	"github.com/hubrules/hubrules"
)

// syncIndex chains the events of each kind in log order, so that a link
// visits only the events of its own kinds, and finds duplicates in constant
// time an event: every pass over a log is linear in its length.
type syncIndex struct {
	ev []syncEv
	// next[i] is the next event of event i's kind (-1: none);
	// next[len(ev)+k] is the first event of kind k, so that chaining an
	// event needs no branch on whether its kind was seen.
	next []int16
	tail [syncKinds]int16
	// for duplicate: the kinds seen so far with a date, those whose dates
	// did not only grow, and the latest date of each kind.
	seen, unsorted uint16
	last           [syncKinds]hubrules.Date
	// hash is the open-addressing table of the events of the unsorted
	// kinds (event index + 1; 0: empty), cleared when the first kind
	// turns unsorted; shift turns a 32-bit hash into a slot.
	hash   []uint16
	shift  uint8
	hashed bool
	// dates is scratch of len(ev) dates for SYNC-5.
	dates []hubrules.Date
}

// syncStackMax is the longest log whose scratch is on the caller's stack;
// longer ones (up to MaxSyncEvents) use a pooled syncLarge, so that no
// check allocates and a short log does not pay for clearing a long one's.
const syncStackMax = 64

// syncSmall and syncLarge are the scratch of a check: chains, duplicate
// table, dates and (syncLarge only) packed events for a caller with no
// storage of its own for them.
type syncSmall struct {
	next  [syncStackMax + syncKinds]int16
	hash  [2 * syncStackMax]uint16
	dates [syncStackMax]hubrules.Date
}

type syncLarge struct {
	ev    [MaxSyncEvents]syncEv
	next  [MaxSyncEvents + syncKinds]int16
	hash  [2048]uint16 // the power of two from 2×MaxSyncEvents up
	dates [MaxSyncEvents]hubrules.Date
}

var syncLargePool = sync.Pool{New: func() any { return new(syncLarge) }}

// syncPrepare returns an index with its chains started for a log of n
// events (n ≤ MaxSyncEvents; more is taken as none, since validation
// refuses such a log before reading it), on small's scratch or, past
// syncStackMax events, on a pooled one that the caller returns with
// syncRelease. ev is where the packed events are kept: len(ev) ≥ n, or
// nil past syncStackMax events for the pooled scratch's.
// The index is returned by value so that small can stay on the caller's stack.
func syncPrepare(small *syncSmall, n int, ev []syncEv) (syncIndex, *syncLarge) {
	if n > MaxSyncEvents {
		n, ev = 0, nil
	}
	var x syncIndex
	var large *syncLarge
	if n <= syncStackMax {
		x.next, x.hash, x.dates = small.next[:n+syncKinds], small.hash[:], small.dates[:n]
		x.shift = 32 - 7 // 2×syncStackMax slots
	} else {
		large = syncLargePool.Get().(*syncLarge)
		size := 2 * syncStackMax
		for size < 2*n {
			size *= 2
		}
		x.next, x.hash, x.dates = large.next[:n+syncKinds], large.hash[:size], large.dates[:n]
		x.shift = uint8(32 - log2(size))
		if ev == nil {
			ev = large.ev[:n]
		}
	}
	x.ev = ev[:n:n]
	for k := range x.tail {
		x.tail[k] = int16(n + k)
		x.next[n+k] = -1
	}
	return x, large
}

// syncRelease returns a pooled scratch (nil: none). The callers call it
// on every return rather than defer it: on a 20-event log a deferred call
// is measurable.
func syncRelease(large *syncLarge) {
	if large != nil {
		syncLargePool.Put(large)
	}
}

func log2(n int) int {
	l := 0
	for 1<<l < n {
		l++
	}
	return l
}

// add chains event i of kind index k (k < 0: unknown kind, not chained).
func (x *syncIndex) add(i, k int) {
	if k < 0 {
		return
	}
	x.next[i] = -1
	x.next[x.tail[k]] = int16(i)
	x.tail[k] = int16(i)
}

// duplicate returns the index of the first earlier event with the kind
// index k and the date d of event i (already chained), or -1.
func (x *syncIndex) duplicate(i, k int, d hubrules.Date) int {
	// Logs are mostly in date order: while a kind's dates only grow, a
	// later date cannot repeat an earlier one. The first date that does
	// not grow puts the kind's earlier events in the table, once; from
	// then on each of its events is one lookup.
	bit := uint16(1) << k
	if x.seen&bit == 0 {
		x.seen |= bit
		x.last[k] = d
		return -1
	}
	if d.After(x.last[k]) {
		x.last[k] = d
		if x.unsorted&bit == 0 {
			return -1
		}
	} else if x.unsorted&bit == 0 {
		x.unsorted |= bit
		if !x.hashed {
			clear(x.hash)
			x.hashed = true
		}
		for j := x.first(k); j >= 0 && j != i; j = x.after(k, j) {
			if !x.ev[j].Date.IsZero() {
				x.lookup(j, k, x.ev[j].Date)
			}
		}
	}
	return x.lookup(i, k, d)
}

// lookup returns the event in the table with kind index k and date d, or
// -1 after adding event i to it.
func (x *syncIndex) lookup(i, k int, d hubrules.Date) int {
	h := (uint32(d.DaysSince(hubrules.Date{}))*0x9e3779b1 ^ uint32(k)*0x85ebca6b) * 0xc2b2ae35
	mask := uint32(len(x.hash) - 1)
	for s := h >> x.shift; ; s = (s + 1) & mask {
		j := int(x.hash[s]) - 1
		if j < 0 {
			x.hash[s] = uint16(i + 1)
			return -1
		}
		if e := &x.ev[j]; e.Date == d && int(e.k) == k {
			return j
		}
	}
}

// first returns the index of the first event of kind index k, or -1.
func (x *syncIndex) first(k int) int { return int(x.next[len(x.ev)+k]) }

// after returns the index of the next event of kind index k after event i, or -1.
func (x *syncIndex) after(_, i int) int { return int(x.next[i]) }

// sortedDates writes the dates of the events of kind index k to dst in
// date order and returns them.
func (x *syncIndex) sortedDates(k int, dst []hubrules.Date) []hubrules.Date {
	n := 0
	sorted := true
	for i := x.first(k); i >= 0; i = x.after(k, i) {
		d := x.ev[i].Date
		if n > 0 && !d.After(dst[n-1]) {
			sorted = false
		}
		dst[n] = d
		n++
	}
	dst = dst[:n]
	if !sorted {
		slices.SortFunc(dst, hubrules.Date.Compare)
	}
	return dst
}
