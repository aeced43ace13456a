package hubrules_test

import (
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type selfRef struct {
	Name string         `hubrules:"personal"`
	Kids []any          `json:"kids"`
	Refs map[string]any `json:"refs"`
}

type firstField struct {
	Inner struct{ N int }
	Tail  *struct{ N int }
}

// Mask ends on a value that contains itself through a slice, a map or an
// interface (it overflowed the stack), and the copy has the same shape:
// the back-reference points at the copy, never at the input.
func TestMask_SlicesAndMapsThatContainThemselves(t *testing.T) {
	a := []any{nil, "x"}
	a[0] = a
	ca := hubrules.Mask(a, hubrules.MaskHash, nil)
	require.Len(t, ca, 2)
	inner := ca[0].([]any)
	assert.Same(t, &ca[0], &inner[0], "the copy contains itself")
	assert.NotSame(t, &a[0], &ca[0], "the copy is not the input")

	m := map[string]any{"k": "v"}
	m["self"] = m
	cm := hubrules.Mask(m, hubrules.MaskRemove, nil)
	require.Len(t, cm, 2)
	cm["k"] = "changed"
	assert.Equal(t, "changed", cm["self"].(map[string]any)["k"], "the copy contains itself")
	assert.Equal(t, "v", m["k"], "the input is untouched")

	s := &selfRef{Name: "张三", Refs: map[string]any{}}
	s.Kids = []any{s, []any{s.Refs}}
	s.Refs["back"] = s
	s.Refs["kids"] = s.Kids
	cs := hubrules.Mask(s, hubrules.MaskHash, []byte("salt"))
	assert.NotEqual(t, "张三", cs.Name)
	assert.Same(t, cs, cs.Kids[0])
	assert.Same(t, cs, cs.Refs["back"])
	assert.Equal(t, "张三", s.Name)

	// A pointer to a struct and a pointer to its first field share an
	// address but are different values.
	f := &firstField{}
	f.Inner.N = 3
	f.Tail = &f.Inner
	cf := hubrules.Mask(f, hubrules.MaskHash, nil)
	assert.Equal(t, 3, cf.Tail.N)
	assert.NotSame(t, f.Tail, cf.Tail)
}

type sharedPersonal struct {
	Public  *leader
	Private *leader `hubrules:"personal"`
	Names   []string
	Secret  []string `hubrules:"personal"`
}

// Something reachable both through a personal field and another field is
// masked where it is personal, whichever path Mask takes first.
func TestMask_SharedValueIsMaskedWhereItIsPersonal(t *testing.T) {
	l := &leader{Role: "理事长"}
	names := []string{"张三"}
	in := sharedPersonal{Public: l, Private: l, Names: names, Secret: names}
	out := hubrules.Mask(in, hubrules.MaskHash, []byte("s"))
	assert.Equal(t, "理事长", out.Public.Role)
	assert.NotEqual(t, "理事长", out.Private.Role)
	assert.Equal(t, "张三", out.Names[0])
	assert.NotEqual(t, "张三", out.Secret[0])
}
