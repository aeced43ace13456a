package hub

import (
	"slices"
	"unsafe"

	"github.com/hubrules/hubrules"
)

// SyncBatch is a register of organizations held in the compact form the
// six-synchronization check reads fastest: each organization is validated
// once when it is added, and its events are kept as 8 bytes each (date,
// kind, party-building flag) instead of a SyncEvent's 48 — the Ref is not
// kept, since no check reads it. A district register of 1,000,000
// organizations with 27 events each takes about 0.3 GB instead of 1.3 GB,
// and checking it as of any date does not validate or decode the log
// again: CheckBatchInto costs about a third of Check.
//
// The zero SyncBatch is an empty batch ready to use. Build it once (Add each
// organization), then check it as often as needed, as of any evaluation
// date, with any checker. Add and Grow may reallocate the batch, so they
// must not run at the same time as each other, as a check or as the
// accessors; once built, any number of goroutines may check and read it.
// The accessors ID, FormalMembers and PartyForm panic when i is out of
// range, like a slice index; CheckBatchInto returns an error instead.
//
// Events are kept in chunks of syncChunk events, each organization's in
// one chunk, and organizations in chunks of syncOrgChunk, so that a batch
// built from a stream of any length never copies what it holds:
// 1,000,000 organizations added one by one peak at about the batch's own
// size, not at twice it.
type SyncBatch struct {
	orgs   [][]syncBatchOrg // chunks of syncOrgChunk organizations
	n      int              // organizations held
	chunks [][]syncEv
	total  int // events held (the wasted ends of full chunks not counted)
}

// syncOrgChunkBits sets the organizations' chunk size: 1<<14
// organizations (1 MiB).
const (
	syncOrgChunkBits = 14
	syncOrgChunk     = 1 << syncOrgChunkBits
)

// org returns organization i; it panics when i is out of range, as a
// slice index does.
func (b *SyncBatch) org(i int) *syncBatchOrg {
	if i < 0 || i >= b.n {
		panic("hub: SyncBatch index " + syncItoa(i) + " out of range [0:" + syncItoa(b.n) + "]")
	}
	return &b.orgs[i>>syncOrgChunkBits][i&(syncOrgChunk-1)]
}

// syncChunkBits sets the chunk size: 1<<16 events (512 KiB), far above
// MaxSyncEvents, so a chunk's unused end is under 2 %.
const (
	syncChunkBits = 16
	syncChunk     = 1 << syncChunkBits
)

// syncBatchOrg is one organization of a batch: its fields, where its packed
// events are, the latest event date (for the check against the evaluation
// date) and what validation gathered for the links.
type syncBatchOrg struct {
	id      string
	members int32
	start   int32
	n       int32
	latest  hubrules.Date
	scan    syncScan
	// form is the party form's index in hubrules.PartyForms (validation
	// refuses any other): a byte, not the code's 16-byte string header,
	// for a register of a million organizations.
	form uint8
}

// Grow reserves room for orgs more organizations and events more events,
// so that adding them does not reallocate. b must not be nil.
func (b *SyncBatch) Grow(orgs, events int) {
	if orgs > 0 {
		for need := (b.n + orgs + syncOrgChunk - 1) >> syncOrgChunkBits; len(b.orgs) < need; {
			b.orgs = append(b.orgs, make([]syncBatchOrg, 0, syncOrgChunk))
		}
	}
	if events > 0 {
		b.chunks = slices.Grow(b.chunks, events/syncChunk+2)
	}
}

// room returns the position (chunk<<syncChunkBits | offset) where n more
// events of one organization go and their slice, starting a chunk when the
// last one has no room for them; ok is false when the positions of a
// batch (int32) are used up.
func (b *SyncBatch) room(n int) (pos int, ev []syncEv, ok bool) {
	last := len(b.chunks) - 1
	if last < 0 || len(b.chunks[last])+n > syncChunk {
		if len(b.chunks) >= (maxBatchEvents+1)>>syncChunkBits {
			return 0, nil, false
		}
		b.chunks = append(b.chunks, make([]syncEv, 0, syncChunk))
		last++
	}
	c := b.chunks[last]
	off := len(c)
	b.chunks[last] = c[:off+n]
	return last<<syncChunkBits | off, b.chunks[last][off : off+n : off+n], true
}

// unroom gives back the n events at pos that room handed out last.
func (b *SyncBatch) unroom(pos, n int) {
	c := pos >> syncChunkBits
	b.chunks[c] = b.chunks[c][:len(b.chunks[c])-n]
}

// eventsOf returns the packed events of o.
func (b *SyncBatch) eventsOf(o *syncBatchOrg) []syncEv {
	if o.n == 0 {
		return nil
	}
	c, off := int(o.start)>>syncChunkBits, int(o.start)&(syncChunk-1)
	return b.chunks[c][off : off+int(o.n) : off+int(o.n)]
}

// Add validates org and appends it to the batch. It makes the same input
// checks as Check except the ones that need the evaluation date (an event
// dated after it), which CheckBatchInto makes; a problem is an
// *hubrules.InputError naming each bad field, and the batch is then left as
// it was. A batch that would hold more than 2,147,483,647 events refuses
// the organization with the code batch_full (no path). org is only read;
// the batch keeps its ID string, its party form as an index and no
// reference to its events.
func (b *SyncBatch) Add(org *SyncOrg) error {
	if b == nil || org == nil {
		return hubrules.NewInputError(hubrules.FieldError{Code: "required",
			Message: hubrules.T("缺少组织或批次", "the organization or the batch is missing (nil)")})
	}
	n := len(org.Events)
	if n > MaxSyncEvents {
		n = 0 // validation refuses the log without reading its events
	}
	start, ev, ok := 0, []syncEv(nil), n <= maxBatchEvents-b.total
	if ok {
		start, ev, ok = b.room(n)
	}
	if !ok {
		return hubrules.NewInputError(hubrules.FieldError{Code: "batch_full", Value: syncItoa(n),
			Message: hubrules.T("批次的事件总数将超过上限 2147483647", "the batch would hold more than 2147483647 events")})
	}
	var small syncSmall
	x, large := syncPrepare(&small, n, ev)
	var s syncScan
	p := validateSyncOrg(org, hubrules.Date{}, ev, &x, &s, nil)
	syncRelease(large)
	if p != nil {
		b.unroom(start, n)
		return p.Err()
	}
	b.total += n
	// latest starts at the first event, not at the zero Date: a date
	// before 0000-03-01 is below zero.
	var latest hubrules.Date
	for i := range ev {
		if i == 0 || ev[i].Date.After(latest) {
			latest = ev[i].Date
		}
	}
	if b.n>>syncOrgChunkBits == len(b.orgs) {
		b.orgs = append(b.orgs, make([]syncBatchOrg, 0, syncOrgChunk))
	}
	c := &b.orgs[b.n>>syncOrgChunkBits]
	*c = append(*c, syncBatchOrg{id: org.ID, form: uint8(org.PartyForm.Index()), members: int32(*org.FormalMembers),
		start: int32(start), n: int32(n), latest: latest, scan: s})
	b.n++
	return nil
}

// maxBatchEvents is the most events a batch holds (its offsets are int32).
const maxBatchEvents = 1<<31 - 1

// Bytes returns the size of what a check of every organization of the
// batch reads: its organizations' entries and their events, as held (the
// organizations' IDs and the unused ends of the event chunks are not
// counted). A host sizing a register, or measuring how near a check of
// the whole batch comes to the time of reading that memory once, uses it.
func (b *SyncBatch) Bytes() int {
	if b == nil {
		return 0
	}
	return b.n*int(unsafe.Sizeof(syncBatchOrg{})) + b.total*int(unsafe.Sizeof(syncEv{}))
}

// Len returns the number of organizations in the batch.
func (b *SyncBatch) Len() int {
	if b == nil {
		return 0
	}
	return b.n
}

// ID returns the id of organization i (0 ≤ i < Len).
func (b *SyncBatch) ID(i int) string { return b.org(i).id }

// FormalMembers returns the formal member count of organization i.
func (b *SyncBatch) FormalMembers(i int) int { return int(b.org(i).members) }

// PartyForm returns the party form of organization i.
func (b *SyncBatch) PartyForm(i int) hubrules.PartyForm { return batchForms[b.org(i).form] }

// batchForms are the party forms by index (syncBatchOrg.form).
var batchForms = hubrules.PartyForms()

// CheckBatchInto checks organization i of b (0 ≤ i < b.Len()) as of asOf
// into *dst: the same result as CheckInto on the organization that was
// added. The input checks left to it are the evaluation date (missing, or
// before an event of the log: an *hubrules.InputError naming
// events[k].date, k the event's index in the organization's log, as Check
// names it), i out of range (path index), and a nil dst, batch or checker;
// *dst is then the zero SyncResult (when dst is not nil).
func (c *SyncChecker) CheckBatchInto(dst *SyncResult, b *SyncBatch, i int, asOf hubrules.Date) error {
	if dst == nil || b == nil {
		if dst != nil {
			*dst = SyncResult{}
		}
		return hubrules.NewInputError(hubrules.FieldError{Code: "required",
			Message: hubrules.T("缺少批次或结果", "the batch or the result is missing (nil)")})
	}
	*dst = SyncResult{}
	if c == nil {
		return errSyncChecker()
	}
	if i < 0 || i >= b.n {
		return hubrules.NewInputError(hubrules.FieldError{Path: "index", Code: "range", Value: syncItoa(i),
			Message: hubrules.T("批次中没有第 "+syncItoa(i)+" 个组织（共 "+syncItoa(b.n)+" 个）",
				"the batch has no organization "+syncItoa(i)+" (it holds "+syncItoa(b.n)+")")})
	}
	o := b.org(i)
	ev := b.eventsOf(o)
	if asOf.IsZero() || o.n > 0 && o.latest.After(asOf) {
		return syncBatchAsOfError(ev, asOf)
	}
	c, err := c.at(asOf)
	if err != nil {
		return err
	}
	if p := c.requireRegMembers(&o.scan, nil); p != nil {
		return p.Err()
	}
	var small syncSmall
	x, large := syncPrepare(&small, len(ev), ev)
	for k := range ev {
		x.add(k, int(ev[k].k))
	}
	c.evalLinks(dst, o.id, int(o.members), batchForms[o.form], &x, &o.scan, asOf)
	syncRelease(large)
	return nil
}

// syncBatchAsOfError reports a missing evaluation date, or each event of ev
// dated after asOf, as Check would.
func syncBatchAsOfError(ev []syncEv, asOf hubrules.Date) error {
	if asOf.IsZero() {
		return hubrules.NewInputError(hubrules.FieldError{Path: "as_of", Code: "required", Message: msgSyncNoAsOf})
	}
	var p *hubrules.Problems
	for k := range ev {
		if d := ev[k].Date; d.After(asOf) {
			p = syncAdd(p, hubrules.Index("events", k)+".date", "after_as_of", d.String(), syncAfterAsOf(d, asOf))
		}
	}
	if p == nil { // not reached: the caller saw an event after asOf (defensive)
		p = syncAdd(p, "as_of", "after_as_of", asOf.String(), hubrules.T("评估日期早于事件日期", "the evaluation date is before an event"))
	}
	return p.Err()
}
