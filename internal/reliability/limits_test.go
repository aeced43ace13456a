package reliability_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/hubrules/hubrules/internal/kinds"
)

// Hostile documents — nested too deep, a string too long, a document too
// large — are refused by every kind with an InputError before decoding.
func TestEveryKind_RefusesHostileDocuments(t *testing.T) {
	deep := strings.Repeat(`{"a":`, 40) + `1` + strings.Repeat(`}`, 40)
	long := `{"id":"` + strings.Repeat("x", 70<<10) + `"}`
	huge := `{"id":"` + strings.Repeat(" ", 16<<20) + `"}`
	for _, k := range kinds.All() {
		for name, doc := range map[string]string{"too deep": deep, "string too long": long, "document too large": huge} {
			_, err := evaluate(k, envFor(k.Name), []byte(doc))
			require.Error(t, err, "%s: %s", k.Name, name)
			requireInputError(t, err, []byte(name))
			assert.NotContains(t, err.Error(), "panic", "%s: %s", k.Name, name)
		}
	}
}
