package hub

import (
	"encoding/json"
	"reflect"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/jsonw"
	"github.com/hubrules/hubrules/internal/resultjson"
)

func init() {
	resultjson.Register(reflect.TypeOf(SyncResult{}), appendSyncEnvelope)
}

// The members of a result that an envelope may leave out, as bits of
// syncOmit.
const (
	omitProgramme uint8 = 1 << iota
	omitAsOf
	omitCompliant
	omitBasis
)

// appendSyncEnvelope is the resultjson writer of a SyncResult.
func appendSyncEnvelope(b []byte, v any, omit []string, source func(rule string, s hubrules.Source)) ([]byte, bool, error) {
	var bits uint8
	for _, m := range omit {
		switch m {
		case "programme":
			bits |= omitProgramme
		case "as_of":
			bits |= omitAsOf
		case "compliant":
			bits |= omitCompliant
		case "basis":
			bits |= omitBasis
		default:
			return b, false, nil
		}
	}
	r := v.(SyncResult)
	if source != nil {
		r.sources(source)
	}
	out, err := appendSyncResult(b, &r, source == nil, bits)
	return out, err == nil, err
}

// The JSON of a six-synchronization result is written by hand: it is
// written once per organization of a register (the CLI's records, the
// service's answers), and encoding/json's reflection and its re-compacting
// of the basis cost several hundred times the check. The bytes are those
// json.Marshal writes of the shapes syncResultJSON and syncLinkJSON (the
// reference TestSyncJSONAsMarshal compares them with).

// syncSourceJSON holds each link's source as json.Marshal writes it.
var syncSourceJSON = func() (out [7][]byte) {
	for l := range syncSources {
		b, err := json.Marshal(syncSources[l])
		if err != nil {
			panic(err) // a source is strings and dates: it always encodes
		}
		out[l] = b
	}
	return out
}()

func appendText(b []byte, t hubrules.Text) []byte { return jsonw.Text(b, t.ZH, t.EN) }

// appendDate appends d as a JSON string ("" for the zero date).
func appendDate(b []byte, d hubrules.Date) []byte {
	b = append(b, '"')
	b, _ = d.AppendText(b)
	return append(b, '"')
}

// appendSyncLink appends link l's JSON, with its rule's source when
// source is set.
func appendSyncLink(b []byte, l *SyncLinkResult, source bool) []byte {
	b = append(b, `{"rule":`...)
	b = jsonw.String(b, l.Rule())
	b = append(b, `,"link":`...)
	b = jsonw.String(b, l.Link.Code())
	b = append(b, `,"name":`...)
	b = appendText(b, l.Link.Name())
	b = append(b, `,"outcome":`...)
	b = jsonw.String(b, string(l.Outcome))
	b = append(b, `,"reason":`...)
	b = jsonw.String(b, l.Reason.Code())
	b = append(b, `,"message":`...)
	b = appendText(b, l.Reason.Text())
	if unmet := l.Unmet.List(); len(unmet) > 0 {
		b = append(b, `,"unmet":[`...)
		for i, r := range unmet {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"code":`...)
			b = jsonw.String(b, r.Code())
			b = append(b, `,"message":`...)
			b = appendText(b, r.Text())
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"business":{"kind":`...)
	b = jsonw.String(b, string(l.BusinessKind))
	b = append(b, `,"seen":`...)
	b = jsonw.Bool(b, l.BusinessSeen)
	if !l.BusinessDate.IsZero() {
		b = append(b, `,"date":`...)
		b = appendDate(b, l.BusinessDate)
	}
	if l.BusinessCount != 0 {
		b = append(b, `,"count":`...)
		b = jsonw.Int(b, int64(l.BusinessCount))
	}
	if l.BusinessFailing != 0 {
		b = append(b, `,"failing":`...)
		b = jsonw.Int(b, int64(l.BusinessFailing))
	}
	b = append(b, '}')
	if ev := l.EvidenceList(); len(ev) > 0 {
		b = append(b, `,"evidence":[`...)
		for i, e := range ev {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"kind":`...)
			b = jsonw.String(b, string(e.Kind))
			b = append(b, `,"applies":`...)
			b = jsonw.Bool(b, e.Applies)
			b = append(b, `,"seen":`...)
			b = jsonw.Bool(b, e.Seen)
			if !e.Date.IsZero() {
				b = append(b, `,"date":`...)
				b = appendDate(b, e.Date)
			}
			if e.Timed {
				if e.Seen {
					b = append(b, `,"days_apart":`...)
					b = jsonw.Int(b, int64(e.DaysApart))
				}
				b = append(b, `,"window_days":`...)
				b = jsonw.Int(b, int64(e.WindowDays))
			}
			b = append(b, `,"window":`...)
			b = jsonw.String(b, syncWindowOf(e.Kind))
			b = append(b, `,"met":`...)
			b = jsonw.Bool(b, e.Met)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if l.Link == LinkManagement && l.BusinessSeen {
		b = append(b, `,"coverage":{"formal_members":`...)
		b = jsonw.Int(b, int64(l.FormalMembers))
		b = append(b, `,"party_form":`...)
		b = jsonw.String(b, string(l.PartyForm))
		b = append(b, `,"required_form":`...)
		b = jsonw.String(b, string(l.RequiredForm))
		b = append(b, `,"met":`...)
		b = jsonw.Bool(b, !l.Unmet.Has(SyncReasonCoverageShort))
		b = append(b, `},"activities":{"quarters_checked":`...)
		b = jsonw.Int(b, int64(l.QuartersChecked))
		b = append(b, `,"quarters_short":`...)
		b = jsonw.Int(b, int64(l.QuartersShort))
		b = append(b, `,"min_per_quarter":`...)
		b = jsonw.Int(b, int64(l.MinPerQuarter))
		if !l.FirstShortQuarter.IsZero() {
			b = append(b, `,"first_short_quarter":`...)
			b = appendDate(b, l.FirstShortQuarter)
		}
		b = append(b, '}')
	}
	if l.Link == LinkRegistration && l.approvalRequired() {
		b = append(b, `,"formal_members_at_registration":`...)
		b = jsonw.Int(b, int64(l.FormalMembersAtRegistration))
	}
	if years := l.ReportYears(); len(years) > 0 {
		b = append(b, `,"years":[`...)
		for i, y := range years {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"year":`...)
			b = jsonw.Int(b, int64(y.Year))
			b = append(b, `,"deadline":`...)
			b = appendDate(b, y.Deadline)
			b = append(b, `,"outcome":`...)
			b = jsonw.String(b, string(y.Outcome))
			if len(y.Unmet) > 0 {
				b = append(b, `,"unmet":`...)
				b = jsonw.Strings(b, y.Unmet)
			}
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if l.OpenYear != 0 {
		b = append(b, `,"open_year":`...)
		b = jsonw.Int(b, int64(l.OpenYear))
	}
	if source {
		b = append(b, `,"source":`...)
		if l.Link.Valid() {
			b = append(b, syncSourceJSON[l.Link]...)
		} else {
			b = append(b, syncSourceJSON[0]...)
		}
	}
	return append(b, '}')
}

// appendSyncResult appends r's JSON, its links with their sources when
// sources is set, without the members of omit (bits omitProgramme …).
func appendSyncResult(b []byte, r *SyncResult, sources bool, omit uint8) ([]byte, error) {
	b = append(b, `{"org_id":`...)
	b = jsonw.String(b, r.OrgID)
	if omit&omitProgramme == 0 {
		b = append(b, `,"programme":`...)
		b = jsonw.String(b, string(r.Programme))
	}
	b = append(b, `,"profile":`...)
	b = jsonw.String(b, string(r.Profile))
	if omit&omitAsOf == 0 {
		b = append(b, `,"as_of":`...)
		b = appendDate(b, r.AsOf)
	}
	if omit&omitCompliant == 0 {
		b = append(b, `,"compliant":`...)
		b = jsonw.Bool(b, r.Compliant())
	}
	b = append(b, `,"checked":`...)
	b = jsonw.Strings(b, r.Checked.Rules())
	b = append(b, `,"failed":`...)
	b = jsonw.Strings(b, r.Failed().Rules())
	b = append(b, `,"links":[`...)
	first := true
	for i := range r.Links {
		if !r.Links[i].Checked {
			continue
		}
		if !first {
			b = append(b, ',')
		}
		first = false
		b = appendSyncLink(b, &r.Links[i], sources)
	}
	b = append(b, ']')
	if omit&omitBasis != 0 {
		return append(b, '}'), nil
	}
	b = append(b, `,"basis":`...)
	// The checker's basis, read and not kept: no copy of it is needed.
	var basis hubrules.Basis
	if r.basis != nil {
		basis = *r.basis
	}
	basis.Programme, basis.AsOf = r.Programme, r.AsOf
	bb, err := basis.MarshalJSON()
	if err != nil {
		return nil, err
	}
	b = append(b, bb...)
	return append(b, '}'), nil
}
