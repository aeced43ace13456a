package hub

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/internal/fastdecode"
)

// generalOrg has SyncOrg's fields and tags but no fast path:
// hubrules.DecodeJSONLimited decodes it with the general decoder.
type generalOrg SyncOrg

// sameDecode decodes data within lim both ways and requires the same
// error and the same value; it reports whether the fast path took the
// document.
func sameDecode(t testing.TB, data []byte, lim hubrules.Limits, pre SyncOrg) bool {
	t.Helper()
	fast, general := pre, generalOrg(pre)
	took := decodeSyncOrg(data, &SyncOrg{}, fastdecode.Limits(lim))
	errFast := hubrules.DecodeJSONLimited(data, &fast, lim)
	errGeneral := hubrules.DecodeJSONLimited(data, &general, lim)
	if !reflect.DeepEqual(errFast, errGeneral) {
		t.Fatalf("%q (limits %+v):\nfast path error %v\ngeneral error   %v", data, lim, errFast, errGeneral)
	}
	if !reflect.DeepEqual(fast, SyncOrg(general)) {
		t.Fatalf("%q (limits %+v):\nfast path value %+v\ngeneral value   %+v", data, lim, fast, general)
	}
	if took && errGeneral != nil {
		t.Fatalf("%q: the fast path took a document the general decoder refuses: %v", data, errGeneral)
	}
	return took
}

// syncInputs are the sync inputs of the repository's samples and tests.
func syncInputs(t *testing.T) [][]byte {
	var out [][]byte
	for _, glob := range []string{"../cmd/hubrules/testdata/check-sync*.json*", "../cmd/hubrules/testdata/serve/*sync*", "../examples/*/testdata/*sync*.json*"} {
		files, err := filepath.Glob(glob)
		require.NoError(t, err)
		for _, f := range files {
			data, err := os.ReadFile(f)
			require.NoError(t, err)
			if strings.HasSuffix(f, ".jsonl") || strings.HasSuffix(f, ".ndjson") {
				for _, line := range strings.Split(string(data), "\n") {
					if strings.TrimSpace(line) != "" {
						out = append(out, []byte(line))
					}
				}
				continue
			}
			out = append(out, data)
		}
	}
	require.NotEmpty(t, out)
	return out
}

// TestSyncOrgFastDecode: every sample, and every document the generator
// below makes from one (the plain form and a hundred ways off it), decodes
// to the same value or the same error with and without the fast path, and
// the fast path takes every plain valid sample.
func TestSyncOrgFastDecode(t *testing.T) {
	def := hubrules.DefaultLimits()
	for _, data := range syncInputs(t) {
		var want generalOrg
		if hubrules.DecodeJSONLimited(data, &want, def) == nil {
			plain, err := json.Marshal(SyncOrg(want))
			require.NoError(t, err)
			require.True(t, sameDecode(t, plain, def, SyncOrg{}), "the fast path refused the plain form of a valid sample: %s", plain)
		}
		sameDecode(t, data, def, SyncOrg{})
	}
	// Every mutation and deletion at every place it applies in two rich
	// documents, one at a time.
	for _, base := range richDocs {
		require.True(t, sameDecode(t, []byte(base), def, SyncOrg{}), "the fast path refused %s", base)
		for _, m := range mutations {
			for _, at := range allIndexes(base, m.from) {
				sameDecode(t, []byte(base[:at]+m.to+base[at+len(m.from):]), def, SyncOrg{})
			}
		}
		for _, d := range deletions {
			for _, loc := range d.FindAllStringIndex(base, -1) {
				sameDecode(t, []byte(base[:loc[0]]+base[loc[1]:]), def, SyncOrg{})
			}
		}
	}
	rng := rand.New(rand.NewPCG(19, 20))
	took := 0
	const n = 3000
	for i := 0; i < n; i++ {
		data, lim := variant(rng)
		if sameDecode(t, data, lim, SyncOrg{}) {
			took++
		}
	}
	// The generator keeps about half of its documents plain and valid.
	require.Greater(t, took, n/5, "the fast path took too few of the generated documents")
	t.Logf("fast path took %d of %d generated documents", took, n)
}

// TestSyncOrgFastDecodeFilled: into a value already filled, the general
// decoder merges, so the fast path stands aside.
func TestSyncOrgFastDecodeFilled(t *testing.T) {
	data := []byte(`{"id":"a","formal_members":1,"party_form":"liaison"}`)
	three := 3
	for _, pre := range []SyncOrg{{ID: "x"}, {FormalMembers: &three}, {FormalMembersAtRegistration: &three},
		{PartyForm: hubrules.Liaison}, {Events: []SyncEvent{}}} {
		require.False(t, decodeSyncOrg(data, &pre, fastdecode.Limits(hubrules.DefaultLimits())))
		sameDecode(t, data, hubrules.DefaultLimits(), pre)
	}
}

// TestSyncOrgFastDecodeNil: into a nil pointer, the same error as the
// general decoder's, not a panic.
func TestSyncOrgFastDecodeNil(t *testing.T) {
	data := []byte(`{"id":"a","formal_members":1,"party_form":"liaison"}`)
	errFast := hubrules.DecodeJSON(data, (*SyncOrg)(nil))
	require.Error(t, errFast)
	require.Equal(t, hubrules.DecodeJSON(data, (*generalOrg)(nil)), errFast)
}

// TestSyncOrgFastDecodeTags keeps decodeSyncOrg's copy of the validation
// rules in step with the tags it stands for.
func TestSyncOrgFastDecodeTags(t *testing.T) {
	tags := func(v any) map[string]string {
		m := map[string]string{}
		rt := reflect.TypeOf(v)
		for i := 0; i < rt.NumField(); i++ {
			f := rt.Field(i)
			m[f.Tag.Get("json")] = f.Tag.Get("validate")
		}
		return m
	}
	require.Equal(t, map[string]string{
		"id":             fmt.Sprintf("required,max=%d", maxSyncID),
		"formal_members": fmt.Sprintf("required,gte=0,lte=%d", maxSyncMembers),
		"formal_members_at_registration,omitempty": fmt.Sprintf("omitempty,gte=0,lte=%d", maxSyncMembers),
		"party_form": "enum",
		"events":     fmt.Sprintf("max=%d,dive", MaxSyncEvents),
	}, tags(SyncOrg{}), "SyncOrg's tags changed: change decodeSyncOrg with them")
	require.Equal(t, map[string]string{
		"kind":                     "enum",
		"date":                     "required",
		"ref,omitempty":            fmt.Sprintf("max=%d", maxSyncRef),
		"party_section,omitempty":  "",
		"party_assessed,omitempty": "",
	}, tags(SyncEvent{}), "SyncEvent's tags changed: change decodeSyncOrg with them")
}

// variant returns a document made from a random organization, written
// plainly or changed in one of many ways, and the limits to decode it in.
func variant(rng *rand.Rand) ([]byte, hubrules.Limits) {
	kinds := SyncEventKinds()
	forms := hubrules.PartyForms()
	members := rng.IntN(12)
	org := map[string]any{"id": pick(rng, "org-1", "凯旋-017", strings.Repeat("组", 200), "a"),
		"formal_members": members, "party_form": forms[rng.IntN(len(forms))]}
	if rng.IntN(3) == 0 {
		org["formal_members_at_registration"] = rng.IntN(5)
	}
	if rng.IntN(8) != 0 {
		events := []any{}
		for i, n := 0, rng.IntN(40); i < n; i++ {
			e := map[string]any{"kind": kinds[rng.IntN(len(kinds))],
				"date": fmt.Sprintf("20%02d-%02d-%02d", 10+rng.IntN(16), 1+rng.IntN(12), 1+rng.IntN(28))}
			switch rng.IntN(6) {
			case 0:
				e["ref"] = pick(rng, "〔2022〕17号", "minutes 3", strings.Repeat("字", 200))
			case 1:
				e["party_section"] = rng.IntN(2) == 0
			case 2:
				e["party_assessed"] = true
			}
			events = append(events, e)
		}
		org["events"] = events
	}
	data, err := json.Marshal(org)
	if err != nil {
		panic(err)
	}
	if rng.IntN(6) == 0 {
		data = breakLimits(rng, data)
		return data, randomLimits(rng, len(data))
	}
	if rng.IntN(2) == 0 {
		data = mutate(rng, data)
	}
	return data, hubrules.DefaultLimits()
}

func pick(rng *rand.Rand, s ...string) string { return s[rng.IntN(len(s))] }

// mutations turn a plain document into one the fast path must either
// decode exactly as the general decoder does or leave to it.
var mutations = []struct{ from, to string }{
	{`"id":"`, `"id":"\u0041`}, {`"id":"`, `"ID":"`}, {`"id":"`, `"Id":"`}, {`"id":`, `"id":"dup","id":`},
	{`"id":"`, `"id":"` + "\x01"}, {`"id":"`, `"id":"` + "\xff"}, {`"id":"`, `"id":"` + "\xed\xa0\x80"},
	{`"id":"`, `"id":"` + strings.Repeat("长", 201)}, {`"id":"a"`, `"id":""`}, {`"id":"a"`, `"id":null`}, {`"id":"a"`, `"id":7`},
	{`"formal_members":`, `"formal_members":-`}, {`"formal_members":`, `"formal_members":0`}, {`"formal_members":`, `"formal_members":1e`},
	{`"formal_members":`, `"formal_members":1000000`}, {`"formal_members":`, `"formal_members":9999999`}, {`"formal_members":`, `"formal_members": `},
	{`"formal_members":0`, `"formal_members":0.0`}, {`"formal_members":0`, `"formal_members":-0`}, {`"formal_members":0`, `"formal_members":null`},
	{`"formal_members":0`, `"formal_members":"0"`}, {`"formal_members":0`, `"formal_members":1000001`}, {`:1000000`, `:1000001`}, {`:1000000`, `:01000000`}, {`:1000000`, `:1000000x`}, {`:1000000`, `:1000000.`},
	{`"id":"x`, `"id":"xx`}, {`"id":"x`, `"id":"长`}, {`"ref":"〔`, `"ref":"` + strings.Repeat("x", 190)}, {`"ref":"〔`, `"ref":"` + strings.Repeat("〔", 190)}, {`"formal_members":1`, `"formal_members":1E1`},
	{`"formal_members":`, `"formal_members":2,"formal_members":`}, {`"formal_members":`, `"formal_members_at_registration":null,"formal_members":`},
	{`"formal_members":`, `"formal_members_at_registration":-1,"formal_members":`}, {`"formal_members":`, `"Formal_Members":`},
	{`"party_form":"`, `"party_form":"x`}, {`"party_form":"`, `"party_form":" `}, {`"party_form":"own_branch"`, `"party_form":""`},
	{`"party_form":"none"`, `"party_form":"None"`}, {`"party_form":"liaison"`, `"party_form":"liaiso\u006e"`},
	{`"events":[`, `"events":null,"x":[`}, {`"events":[`, `"events":[1,`}, {`"events":[`, `"events":[{},`}, {`"events":[`, `"events":[null,`},
	{`"events":[]`, `"events":{}`}, {`"events":[]`, `"events":null`}, {`"events":[`, `"events":[,`}, {`"events":[{`, `"events":[{"kind":"registered",`},
	{`"kind":"`, `"kind":"` + "registered\"," + `"kind":"`}, {`"kind":"`, `"Kind":"`}, {`"kind":"`, `"kind":"x`},
	{`"kind":"registered"`, `"kind":"registere\u0064"`}, {`"date":"`, `"date":" `}, {`"date":"20`, `"date":"19`}, {`"date":"2`, `"date":"x`},
	{`"date":"20`, `"date":"`}, {`-01"`, `-32"`}, {`-02-`, `-02-30"},{"date":"2024-02-`}, {`"date":"`, `"Date":"`},
	{`"date":"`, `"date":"2020-01-01","date":"`}, {`"date":`, `"date":null,"x":`}, {`"ref":"`, `"ref":"\n`}, {`"ref":"`, `"ref":"` + strings.Repeat("号", 195)},
	{`"ref":"`, `"ref":null,"r":"`}, {`"party_section":true`, `"party_section":1`}, {`"party_section":false`, `"party_section":null`},
	{`"party_assessed":true`, `"party_assessed":tru`}, {`"party_assessed":true`, `"party_assessed":truex`}, {`"party_assessed":true`, `"party_assessed":"true"`},
	{`"party_section":`, `"party_section":true,"party_section":`}, {`}`, `,}`}, {`}`, ` }`}, {`{`, "{\n\t"}, {`,`, ` , `}, {`:`, ` : `}, {`,`, `,,`},
	{`]`, `,]`}, {`}]`, `}]]`}, {`"`, `'`}, {`}`, `}x`}, {`{`, "\ufeff{"}, {`{"`, `{"extra":1,"`}, {`},{`, `}{`}, {`},{`, `},{"kind":"registered","date":"2020-01-01","more":1},{`},
}

// richDocs hold every field, counts at both ends of their range, both
// booleans and each event key in two orders.
var richDocs = []string{
	`{"id":"凯旋-017","formal_members":0,"formal_members_at_registration":1000000,"party_form":"own_branch","events":[` +
		`{"kind":"registered","date":"2022-03-01","ref":"〔2022〕17号"},{"date":"2022-03-01","kind":"work_plan_submitted"},` +
		`{"kind":"annual_report_filed","date":"2023-05-01","party_section":true},{"kind":"evaluated","date":"2024-02-29","party_assessed":false},` +
		`{"kind":"joint_activity","date":"2024-12-31","party_section":false,"party_assessed":true}]}`,
	`{"party_form":"none","events":[],"formal_members":1000000,"id":"` + strings.Repeat("x", 200) + `","formal_members_at_registration":0}`,
	`{"id":"a","formal_members":1,"party_form":"liaison"}`,
}

// deletions remove one member, leaving the document well formed.
var deletions = []*regexp.Regexp{
	regexp.MustCompile(`"id":"[^"]*",`), regexp.MustCompile(`"formal_members":\d+,`), regexp.MustCompile(`,"formal_members_at_registration":\d+`),
	regexp.MustCompile(`,"party_form":"[^"]*"`), regexp.MustCompile(`"party_form":"[^"]*",`), regexp.MustCompile(`"events":\[.*\],?`),
	regexp.MustCompile(`,"date":"[^"]*"`), regexp.MustCompile(`"date":"[^"]*",`), regexp.MustCompile(`"kind":"[^"]*",`), regexp.MustCompile(`,"kind":"[^"]*"`),
	regexp.MustCompile(`\{"kind":"[^}]*\},`),
}

// mutate applies one to three mutations at random places.
func mutate(rng *rand.Rand, data []byte) []byte {
	s := string(data)
	switch rng.IntN(10) {
	case 0:
		return []byte(" \r\n" + s + "\n\t ")
	case 1:
		return []byte(s + s)
	case 2:
		return []byte(s[:rng.IntN(len(s))])
	}
	for k := 1 + rng.IntN(3); k > 0; k-- {
		m := mutations[rng.IntN(len(mutations))]
		idx := allIndexes(s, m.from)
		if len(idx) == 0 {
			continue
		}
		at := idx[rng.IntN(len(idx))]
		s = s[:at] + m.to + s[at+len(m.from):]
	}
	return []byte(s)
}

func allIndexes(s, sub string) []int {
	var out []int
	for i := 0; ; {
		j := strings.Index(s[i:], sub)
		if j < 0 {
			return out
		}
		out = append(out, i+j)
		i += j + 1
	}
}

// breakLimits makes a document meant to meet or pass a limit: many
// events, a long string.
func breakLimits(rng *rand.Rand, data []byte) []byte {
	switch rng.IntN(3) {
	case 0:
		var b strings.Builder
		b.WriteString(`{"id":"big","formal_members":1,"party_form":"liaison","events":[`)
		for i, n := 0, 990+rng.IntN(20); i < n; i++ {
			if i > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"kind":"joint_activity","date":"2020-%02d-%02d"}`, 1+i%12, 1+i%28)
		}
		b.WriteString(`]}`)
		return []byte(b.String())
	case 1:
		return []byte(`{"id":"` + strings.Repeat("x", 150+rng.IntN(100)) + `","formal_members":1,"party_form":"liaison"}`)
	}
	return data
}

// randomLimits returns limits around n bytes: some at, some under what
// the document needs.
func randomLimits(rng *rand.Rand, n int) hubrules.Limits {
	lim := hubrules.DefaultLimits()
	switch rng.IntN(5) {
	case 0:
		lim.MaxBytes = n - rng.IntN(2)
	case 1:
		lim.MaxDepth = 1 + rng.IntN(4)
	case 2:
		lim.MaxItems = 1 + rng.IntN(1200)
	case 3:
		lim.MaxString = 1 + rng.IntN(260)
	case 4:
		lim = hubrules.Limits{}
	}
	return lim
}

// FuzzSyncOrgFastDecode: on any bytes and limits, the fast path and the
// general decoder agree.
func FuzzSyncOrgFastDecode(f *testing.F) {
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 40; i++ {
		data, lim := variant(rng)
		f.Add(data, lim.MaxBytes, lim.MaxDepth, lim.MaxItems, lim.MaxString)
	}
	f.Fuzz(func(t *testing.T, data []byte, maxBytes, maxDepth, maxItems, maxString int) {
		sameDecode(t, data, hubrules.Limits{MaxBytes: maxBytes, MaxDepth: maxDepth, MaxItems: maxItems, MaxString: maxString}, SyncOrg{})
	})
}

// BenchmarkSyncDecode compares, in one run, the fast path with the general
// decoder on the same 27-event log (about 1.3 KB, the register's mean):
//
//	go test -run '^$' -bench BenchmarkSyncDecode -count 6 ./hub
func BenchmarkSyncDecode(b *testing.B) {
	fm := 3
	org := SyncOrg{ID: "org-000123", FormalMembers: &fm, PartyForm: hubrules.OwnBranch}
	kinds := SyncEventKinds()
	for i := 0; i < 27; i++ {
		org.Events = append(org.Events, SyncEvent{Kind: kinds[i%len(kinds)], Date: hubrules.MustParseDate(fmt.Sprintf("2022-%02d-%02d", i%12+1, i%27+1))})
	}
	data, err := json.Marshal(&org)
	require.NoError(b, err)
	lim := hubrules.DefaultLimits()
	b.Run("fast", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var o SyncOrg
			if err := hubrules.DecodeJSONLimited(data, &o, lim); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("general", func(b *testing.B) {
		b.SetBytes(int64(len(data)))
		b.ReportAllocs()
		for b.Loop() {
			var o generalOrg
			if err := hubrules.DecodeJSONLimited(data, &o, lim); err != nil {
				b.Fatal(err)
			}
		}
	})
}
