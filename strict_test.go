package hubrules_test

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/hubrules/hubrules/funding"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// decodeErr decodes doc into v and returns the first field of the
// *InputError it must give.
func decodeErr(t *testing.T, doc string, v any) (hubrules.FieldError, *hubrules.InputError) {
	t.Helper()
	err := hubrules.DecodeJSON([]byte(doc), v)
	var ie *hubrules.InputError
	require.ErrorAs(t, err, &ie, "accepted: %q", doc)
	require.NotEmpty(t, ie.Fields)
	for _, f := range ie.Fields {
		assert.NotEmpty(t, f.Message.ZH)
		assert.NotEmpty(t, f.Message.EN)
	}
	return ie.Fields[0], ie
}

// A key written twice is refused at its second occurrence, by path and byte
// offset, instead of the last one silently winning.
func TestDecodeJSON_RefusesDuplicateKeys(t *testing.T) {
	doc := `{"project":"p","total":"100.00","total":"999999.00"}`
	var fee funding.FeeInput
	f, _ := decodeErr(t, doc, &fee)
	assert.Equal(t, "duplicate_key", f.Code)
	assert.Equal(t, "total", f.Path)
	assert.Equal(t, strconv.Itoa(strings.LastIndex(doc, `"total"`)), f.Param)
	assert.Contains(t, f.Message.EN, "byte "+f.Param)
	assert.Nil(t, fee.Total, "a refused document leaves the value unchanged")

	cases := []struct{ name, doc, path string }{
		{"in an element", `{"members":[{"id":"a"},{"id":"b","formal_members":1,"id":"c"}]}`, "members[1].id"},
		{"written with an escape", `{"programme":"kaixuan","\u0070rogramme":"wuliqiao"}`, "programme"},
		{"in a map", `{"by_name":{"x":{},"y":{},"x":{}}}`, "by_name.x"},
		{"in an untyped value", `{"any":{"a":[{"k":1,"k":2}]}}`, "any.a[0].k"},
		{"in a large object", `{"counts":{` + manyKeys(40) + `,"k7":[1]}}`, "counts.k7"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var v fuzzDoc
			if strings.Contains(c.doc, "programme") {
				var h hubInput
				f, _ := decodeErr(t, c.doc, &h)
				assert.Equal(t, "duplicate_key", f.Code)
				assert.Equal(t, c.path, f.Path)
				return
			}
			f, _ := decodeErr(t, c.doc, &v)
			assert.Equal(t, "duplicate_key", f.Code)
			assert.Equal(t, c.path, f.Path)
		})
	}
	// The same key in different objects is fine.
	var v fuzzDoc
	require.NoError(t, hubrules.DecodeJSON([]byte(`{"members":[{"id":"a"},{"id":"b"}],"counts":{`+manyKeys(40)+`}}`), &v))
}

func manyKeys(n int) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = `"k` + strconv.Itoa(i) + `":[` + strconv.Itoa(i) + `]`
	}
	return strings.Join(parts, ",")
}

// Keys match field names exactly: "ID" is not "id" (encoding/json alone
// matches without regard to case, so "ID" would override "id").
func TestDecodeJSON_KeysMatchExactly(t *testing.T) {
	var h hubInput
	f, _ := decodeErr(t, `{"members":[{"id":"a","ID":"b"}]}`, &h)
	assert.Equal(t, "unknown_field", f.Code)
	assert.Equal(t, "members[0].ID", f.Path)
	assert.Contains(t, f.Message.EN, `"id"`, "did-you-mean names the exact field")
	assert.Contains(t, f.Message.ZH, `"id"`)
	assert.Empty(t, h.Members, "unchanged")

	f, _ = decodeErr(t, `{"Programme":"kaixuan"}`, &h)
	assert.Equal(t, "unknown_field", f.Code)
	assert.Equal(t, "Programme", f.Path)
	// A field of an embedded struct, and map keys, which are data.
	var v fuzzDoc
	f, _ = decodeErr(t, `{"NOTE":"x"}`, &v)
	assert.Equal(t, "NOTE", f.Path)
	require.NoError(t, hubrules.DecodeJSON([]byte(`{"note":"x","by_name":{"ID":{"id":"a"}},"any":{"ID":1,"id":2}}`), &v))
}

// Invalid UTF-8 is refused with its byte offset instead of becoming U+FFFD
// (which made two different IDs equal); so is an escaped lone surrogate.
func TestDecodeJSON_RefusesInvalidUTF8(t *testing.T) {
	for _, c := range []struct {
		doc string
		at  int
	}{
		{"{\"programme\":\"kai\xffxuan\"}", 17},
		{"{\"programme\":\"kai\xe4\xb8xuan\"}", 17},
		{`{"programme":"kai\udc00xuan"}`, 17},
		{`{"programme":"kai\ud800xuan"}`, 17},
		{`{"programme":"kai\ud800\u0041"}`, 17},
		{"{\"pro\xc0\xafgramme\":\"x\"}", 5},
		{"[1,\xff]", 3},
	} {
		var h hubInput
		f, _ := decodeErr(t, c.doc, &h)
		assert.Equal(t, "utf8", f.Code, c.doc)
		assert.Equal(t, strconv.Itoa(c.at), f.Param, c.doc)
		assert.Contains(t, f.Message.EN, "byte "+f.Param)
	}
	var v fuzzDoc
	require.NoError(t, hubrules.DecodeJSON([]byte(`{"note":"中\ud83d\ude00\u00e9\n"}`), &v), "valid pairs and escapes pass")
	assert.Equal(t, "中😀é\n", v.Note)
}

// An amount or score with spaces around it is refused: its text is the
// value, and " 100.00" is not an amount.
func TestDecodeJSON_RefusesSpacedAmounts(t *testing.T) {
	for _, doc := range []string{
		`{"project":"p","total":" 100.00"}`,
		`{"project":"p","total":"100.00 "}`,
		`{"project":"p","total":"\t100.00"}`,
		`{"project":"p","total":"\u0020100.00"}`,
	} {
		var fee funding.FeeInput
		f, _ := decodeErr(t, doc, &fee)
		assert.Equal(t, "format", f.Code, doc)
		assert.Equal(t, "total", f.Path, doc)
	}
	var p struct {
		Points hubrules.Points `json:"points"`
	}
	f, _ := decodeErr(t, `{"points":" 3.5"}`, &p)
	assert.Equal(t, "format", f.Code)
	assert.Equal(t, "points", f.Path)
	var raw struct {
		Raw json.RawMessage `json:"raw"`
	}
	require.NoError(t, hubrules.DecodeJSON([]byte(`{"raw":" any text "}`), &raw), "raw JSON is not a value's text")
	_, err := funding.ParseMoney(" 100.00")
	assert.NoError(t, err, "ParseMoney, for people's text, still trims")
	var m funding.Money
	assert.Error(t, m.UnmarshalText([]byte("100.00 ")), "the text form is exact")
}

// A whole number too large for its field is out of range, not of the wrong
// type; no error names a Go type.
func TestDecodeJSON_RangeAndNoGoTypes(t *testing.T) {
	var h hubInput
	f, _ := decodeErr(t, `{"members":[{"id":"a"},{"formal_members":99999999999999999999}]}`, &h)
	assert.Equal(t, "range", f.Code)
	assert.Equal(t, "members[1].formal_members", f.Path)
	assert.Contains(t, f.Message.EN, "out of range")
	f, _ = decodeErr(t, `{"members":[{"formal_members":-99999999999999999999}]}`, &h)
	assert.Equal(t, "range", f.Code)
	f, _ = decodeErr(t, `{"members":[{"formal_members":1.5}]}`, &h)
	assert.Equal(t, "type", f.Code, "a fraction is the wrong type")

	for _, doc := range []string{`[1,2]`, `{"members":{}}`, `{"members":[{"formal_members":"3"}]}`, `{"programme":{"a":1}}`} {
		_, ie := decodeErr(t, doc, &h)
		for _, f := range ie.Fields {
			for _, s := range []string{f.Param, f.Message.ZH, f.Message.EN} {
				assert.NotContains(t, s, "hubrules", doc)
				assert.NotContains(t, s, "struct", doc)
				assert.NotContains(t, s, "Go ", doc)
			}
			assert.Contains(t, []string{"object", "array", "integer", "string"}, f.Param, doc)
		}
	}
	// Trailing data says where it starts.
	f, _ = decodeErr(t, `{"programme":"kaixuan"} {}`, &h)
	assert.Equal(t, "syntax", f.Code)
	assert.Equal(t, "24", f.Param)
}

// Limits name where the document broke them: the byte offset, and the path.
func TestLimits_ErrorsHaveAPosition(t *testing.T) {
	lim := hubrules.Limits{MaxDepth: 3, MaxItems: 2, MaxString: 4}
	cases := []struct{ doc, code, path, at string }{
		{`{"a":[1,2,3]}`, "max_items", "a", "10"},
		{`{"a":{"b":[[1]]}}`, "max_depth", "a.b[0]", "11"},
		{`{"a":["ok","toolong"]}`, "max_string", "a[1]", "11"},
		{`{"toolong":1}`, "max_string", "", "1"},
	}
	for _, c := range cases {
		var v any
		err := hubrules.DecodeJSONLimited([]byte(c.doc), &v, lim)
		var ie *hubrules.InputError
		require.ErrorAs(t, err, &ie, c.doc)
		f := ie.Fields[0]
		assert.Equal(t, c.code, f.Code, c.doc)
		assert.Equal(t, c.path, f.Path, c.doc)
		assert.Contains(t, f.Message.EN, "at byte "+c.at, c.doc)
		assert.Contains(t, f.Message.ZH, "第 "+c.at+" 字节", c.doc)
	}
}

// At most MaxProblems problems are listed; a last field says how many more
// there were.
func TestProblems_AreBounded(t *testing.T) {
	var p hubrules.Problems
	for i := 0; i < 250; i++ {
		p.Add(hubrules.Index("x", i), "bad", "", hubrules.T("坏", "bad"))
	}
	var inner hubrules.Problems
	for i := 0; i < hubrules.MaxProblems+5; i++ {
		inner.Add(hubrules.Index("y", i), "bad", "", hubrules.T("坏", "bad"))
	}
	p.Merge("z", inner.Err())
	assert.Equal(t, 250+hubrules.MaxProblems+5, p.Len())
	var ie *hubrules.InputError
	require.ErrorAs(t, p.Err(), &ie)
	require.Len(t, ie.Fields, hubrules.MaxProblems+1)
	last := ie.Fields[hubrules.MaxProblems]
	assert.Equal(t, "too_many_errors", last.Code)
	assert.Equal(t, "255", last.Param, "250 + 105 found, 100 listed")
	assert.Contains(t, last.Message.EN, "and "+last.Param+" more")
	assert.Equal(t, "x[99]", ie.Fields[hubrules.MaxProblems-1].Path)

	// Validate lists at most MaxProblems too.
	type item struct {
		N int `json:"n" validate:"gte=0"`
	}
	type list struct {
		Items []item `json:"items" validate:"dive"`
	}
	l := list{Items: make([]item, 300)}
	for i := range l.Items {
		l.Items[i].N = -1
	}
	require.ErrorAs(t, hubrules.Validate(l), &ie)
	require.Len(t, ie.Fields, hubrules.MaxProblems+1)
	assert.Equal(t, "too_many_errors", ie.Fields[hubrules.MaxProblems].Code)
	assert.Equal(t, "200", ie.Fields[hubrules.MaxProblems].Param)
}

// Validate counts every problem of a long list of structs but holds the
// validator's errors of one element at a time: the count is exact, the
// order is the list's, and a personal field stays unechoed.
func TestValidate_LongListsAreCheckedByElement(t *testing.T) {
	type item struct {
		N     int      `json:"n" validate:"gte=0"`
		Who   string   `json:"who" validate:"max=1" hubrules:"personal"`
		Codes []string `json:"codes" validate:"dive,max=1"`
	}
	type list struct {
		Name  string `json:"name" validate:"max=1"`
		Items []item `json:"items" validate:"max=5000,dive"`
		Tail  string `json:"tail" validate:"max=1"`
	}
	l := list{Name: "xx", Tail: "yy", Items: make([]item, 1000)}
	for i := range l.Items {
		l.Items[i] = item{N: -1, Who: "张三", Codes: []string{"ok", "a", "bad"}}
	}
	var ie *hubrules.InputError
	require.ErrorAs(t, hubrules.Validate(l), &ie)
	require.Len(t, ie.Fields, hubrules.MaxProblems+1)
	assert.Equal(t, "name", ie.Fields[0].Path)
	assert.Equal(t, "tail", ie.Fields[1].Path)
	assert.Equal(t, "items[0].n", ie.Fields[2].Path)
	assert.Equal(t, "gte", ie.Fields[2].Code)
	assert.Equal(t, "items[0].who", ie.Fields[3].Path)
	assert.Empty(t, ie.Fields[3].Value, "personal")
	assert.Equal(t, "items[0].codes[0]", ie.Fields[4].Path)
	assert.Equal(t, "items[1].n", ie.Fields[6].Path)
	assert.Contains(t, ie.Fields[2].Message.EN, "n must be 0 or greater")
	assert.Equal(t, strconv.Itoa(2+4*1000-hubrules.MaxProblems), ie.Fields[hubrules.MaxProblems].Param)

	// The list's own tag is checked first, and stops the elements, as before.
	l.Items = make([]item, 6000)
	require.ErrorAs(t, hubrules.Validate(l), &ie)
	require.Len(t, ie.Fields, 3)
	assert.Equal(t, "items", ie.Fields[1].Path)
	assert.Equal(t, "max", ie.Fields[1].Code)
}
