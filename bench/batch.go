package bench

import "github.com/hubrules/hubrules/hub"

// CheckBatch is Check for organization i of a register loaded once into a
// hub.SyncBatch (SyncChecker.CheckBatchInto): the same full, explained
// six-synchronization result and the same form decision, without
// validating and reading the 48-byte events again.
func (h *Hubrules) CheckBatch(b *hub.SyncBatch, i int) (Mask, error) {
	if err := h.Sync.CheckBatchInto(&h.res, b, i, AsOf); err != nil {
		return 0, err
	}
	m := Mask(h.res.Failed())
	d, err := h.Form.Form(b.FormalMembers(i))
	if err != nil {
		return 0, err
	}
	if !d.Accepts(b.PartyForm(i)) {
		m |= 1 << 6
	}
	return m, nil
}
