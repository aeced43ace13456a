package hubrules_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/hubrules/hubrules"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type leader struct {
	Name            string `json:"name" hubrules:"personal"`
	IDCard          string `json:"id_card" hubrules:"personal"`
	PoliticalStatus string `json:"political_status" hubrules:"personal"`
	Age             int    `json:"age" hubrules:"personal"`
	Role            string `json:"role"`
}

type orgRecord struct {
	ID       string        `json:"id"`
	Leader   *leader       `json:"leader"`
	Deputies []leader      `json:"deputies"`
	Founded  hubrules.Date `json:"founded"`
}

func sampleOrg() orgRecord {
	return orgRecord{ID: "org-1", Founded: hubrules.MustParseDate("2019-01-02"),
		Leader:   &leader{Name: "张三", IDCard: "310101199001011234", PoliticalStatus: "中共党员", Age: 41, Role: "理事长"},
		Deputies: []leader{{Name: "李四", PoliticalStatus: "群众", Role: "副理事长"}}}
}

func TestMask_HashesOrRemovesEveryPersonalFieldAndLeavesTheInputAlone(t *testing.T) {
	in := sampleOrg()
	salt := []byte("district-salt")
	hashed := hubrules.Mask(in, hubrules.MaskHash, salt)
	out, err := json.Marshal(hashed)
	require.NoError(t, err)
	for _, personal := range []string{"张三", "310101199001011234", "中共党员", "李四", "群众"} {
		assert.NotContains(t, string(out), personal)
	}
	assert.Contains(t, string(out), `"role":"理事长"`)
	assert.Contains(t, string(out), `"id":"org-1"`)
	assert.True(t, strings.HasPrefix(hashed.Leader.Name, "masked:"))
	assert.Equal(t, hashed.Leader.Name, hubrules.Mask(sampleOrg(), hubrules.MaskHash, salt).Leader.Name, "the hash is stable")
	assert.NotEqual(t, hashed.Leader.Name, hubrules.Mask(sampleOrg(), hubrules.MaskHash, []byte("other")).Leader.Name, "the hash depends on the salt")
	assert.Equal(t, 41, hashed.Leader.Age, "hashing leaves non-strings as they are")
	assert.Equal(t, "张三", in.Leader.Name, "the input is not modified")

	removed := hubrules.Mask(&in, hubrules.MaskRemove, nil)
	assert.Equal(t, "", removed.Leader.Name)
	assert.Equal(t, 0, removed.Leader.Age)
	assert.Equal(t, "", removed.Deputies[0].PoliticalStatus)
	assert.Equal(t, "理事长", removed.Leader.Role)
	assert.Equal(t, "2019-01-02", removed.Founded.String())
	assert.Equal(t, "张三", in.Leader.Name)
}

func TestAuditRecord_RoundTripsWithAStableDigest(t *testing.T) {
	report := hubrules.Report{
		Basis:    hubrules.Basis{Programme: hubrules.Kaixuan, AsOf: hubrules.MustParseDate("2026-11-21"), Effective: hubrules.MustParseDate("2021-12-15")},
		Checks:   []hubrules.Check{{Rule: "SYNC-1", Outcome: hubrules.Pass}, {Rule: "SYNC-4", Outcome: hubrules.Fail}, {Rule: "SYNC-4", Subject: "2025", Outcome: hubrules.Pass}},
		Findings: []hubrules.Finding{{Rule: "SYNC-4", Severity: hubrules.Violation, Message: hubrules.T("缺党建部分", "no party section")}},
	}
	masked := hubrules.Mask(sampleOrg(), hubrules.MaskHash, []byte("s"))
	rec, err := hubrules.NewAuditRecord(masked, report, "hub@sha256:abc")
	require.NoError(t, err)
	assert.Equal(t, []string{"SYNC-4"}, rec.RulesFired)
	assert.Equal(t, []string{"SYNC-1", "SYNC-4"}, rec.Checked)
	assert.False(t, rec.Compliant)
	assert.Equal(t, "github.com/hubrules/hubrules@"+hubrules.Version, rec.Library)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, rec.InputDigest)

	again, err := hubrules.NewAuditRecord(hubrules.Mask(sampleOrg(), hubrules.MaskHash, []byte("s")), report, "hub@sha256:abc")
	require.NoError(t, err)
	assert.Equal(t, rec.InputDigest, again.InputDigest)

	// The same data as a map (keys in another order) has the same digest,
	// once its personal fields are removed (a map has no tags to say which
	// they are).
	var generic map[string]any
	b, _ := json.Marshal(hubrules.Mask(masked, hubrules.MaskRemove, nil))
	require.NoError(t, json.Unmarshal(b, &generic))
	d2, err := hubrules.InputDigest(generic)
	require.NoError(t, err)
	assert.Equal(t, rec.InputDigest, d2)

	out, err := json.Marshal(rec)
	require.NoError(t, err)
	var back hubrules.AuditRecord
	require.NoError(t, json.Unmarshal(out, &back))
	assert.Equal(t, rec, back)
	assert.NotContains(t, string(out), "张三")

	_, err = hubrules.InputDigest(func() {})
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)
}

func TestParamSet_DigestNamesTheFile(t *testing.T) {
	set := loadSample(t)
	assert.Regexp(t, `^sha256:[0-9a-f]{64}$`, set.Digest())
	assert.Equal(t, set.Digest(), loadSample(t).Digest())
	assert.NotEqual(t, set.Digest(), set.Overlay(set).Digest())
}

type nested struct {
	Leader *leader           `json:"leader" hubrules:"personal"`
	Actors map[string]leader `json:"actors"`
	Notes  map[string]string `json:"notes" hubrules:"other,personal"`
	Any    any               `json:"any"`
	Self   *nested           `json:"self,omitempty"`
	Plain  map[string]string `json:"plain"`
	Not    string            `json:"not" hubrules:"nonpersonal"`
}

func TestMask_FollowsMapsInterfacesTaggedStructsAndCycles(t *testing.T) {
	n := &nested{
		Leader: &leader{Role: "理事长"},
		Actors: map[string]leader{"a": {Name: "李四"}},
		Notes:  map[string]string{"k": "秘密"},
		Any:    leader{Name: "王五"},
		Plain:  map[string]string{"k": "open"},
		Not:    "visible",
	}
	n.Self = n
	out := hubrules.Mask(n, hubrules.MaskHash, []byte("s"))
	b, err := json.Marshal(struct {
		Leader *leader
		Actors map[string]leader
		Notes  map[string]string
		Any    any
		Plain  map[string]string
		Not    string
	}{out.Leader, out.Actors, out.Notes, out.Any, out.Plain, out.Not})
	require.NoError(t, err)
	for _, secret := range []string{"理事长", "李四", "秘密", "王五"} {
		assert.NotContains(t, string(b), secret)
	}
	assert.Contains(t, string(b), "open")
	assert.Contains(t, string(b), "visible", "nonpersonal is not personal")
	assert.Same(t, out, out.Self, "a cycle is copied as a cycle")
	assert.Equal(t, "李四", n.Actors["a"].Name, "the input map is not shared or changed")
	out.Plain["k"] = "changed"
	assert.Equal(t, "open", n.Plain["k"])
}

func TestInputDigest_DoesNotConfirmAGuessedName(t *testing.T) {
	a, b := sampleOrg(), sampleOrg()
	b.Leader.Name, b.Leader.Age, b.Deputies[0].PoliticalStatus = "王五", 52, "中共党员"
	da, err := hubrules.InputDigest(a)
	require.NoError(t, err)
	db, err := hubrules.InputDigest(b)
	require.NoError(t, err)
	assert.Equal(t, da, db, "inputs that differ only in personal fields have one digest")
	removed, err := hubrules.InputDigest(hubrules.Mask(a, hubrules.MaskRemove, nil))
	require.NoError(t, err)
	assert.Equal(t, da, removed, "the digest is over the input with its personal fields removed")
	c := sampleOrg()
	c.Leader.Role = "秘书长"
	dc, err := hubrules.InputDigest(c)
	require.NoError(t, err)
	assert.NotEqual(t, da, dc, "any other field tells inputs apart")
	assert.Equal(t, "张三", a.Leader.Name, "the input is not modified")

	key := []byte("district audit key")
	ka, err := hubrules.InputDigestKeyed(a, key)
	require.NoError(t, err)
	assert.Regexp(t, `^hmac-sha256:[0-9a-f]{64}$`, ka)
	kb, err := hubrules.InputDigestKeyed(b, key)
	require.NoError(t, err)
	assert.NotEqual(t, ka, kb, "with a key, the personal fields count")
	other, err := hubrules.InputDigestKeyed(a, []byte("another key"))
	require.NoError(t, err)
	assert.NotEqual(t, ka, other, "the digest depends on the key")
	_, err = hubrules.InputDigestKeyed(a, nil)
	assert.ErrorIs(t, err, hubrules.ErrInvalidInput)

	report := hubrules.Report{Basis: hubrules.Basis{Programme: hubrules.Kaixuan, AsOf: hubrules.MustParseDate("2026-11-21")}}
	ra, err := hubrules.NewAuditRecord(a, report, "hub@x")
	require.NoError(t, err)
	rb, err := hubrules.NewAuditRecord(b, report, "hub@x")
	require.NoError(t, err)
	assert.Equal(t, ra.InputDigest, rb.InputDigest)
	rk, err := hubrules.NewAuditRecordKeyed(a, report, "hub@x", key)
	require.NoError(t, err)
	assert.Equal(t, ka, rk.InputDigest)
	assert.Equal(t, ra.Checked, rk.Checked)
}
