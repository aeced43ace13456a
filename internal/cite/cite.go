// Package cite holds the short citation of every rule of the library's own
// rule packages, by rule ID, so that a hubrules.Finding can name its rule's
// document and article wherever it is printed, without the root package
// importing the rule packages. It is written only while those packages are
// initialized (through internal/rulecat), and only by them: being internal,
// no user of the library can change it.
package cite

import "sync"

var (
	mu  sync.RWMutex
	ids map[string][2]string
)

// Set records the Chinese and English citation of rule id.
func Set(id, zh, en string) {
	mu.Lock()
	defer mu.Unlock()
	if ids == nil {
		ids = make(map[string][2]string)
	}
	ids[id] = [2]string{zh, en}
}

// Get returns the citation of rule id, if its package recorded one.
func Get(id string) (zh, en string, ok bool) {
	mu.RLock()
	defer mu.RUnlock()
	c, ok := ids[id]
	return c[0], c[1], ok
}
