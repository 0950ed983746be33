// Package pseudonym replaces record keys with pseudonyms: an HMAC-SHA256 of
// the table and the record key under a secret key the organisation keeps.
// The same key gives the same pseudonym year after year, so risk reports of
// different years can be compared, while a reader without the key cannot
// recover the record key (an unkeyed hash of a child number or BSN could be
// reversed by trying them all).
package pseudonym

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"hash"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/avgaudit/avgaudit/atomicfile"
	"github.com/avgaudit/avgaudit/results"
	"github.com/avgaudit/avgaudit/vocab"
)

// Method names the construction, as recorded in results.Pseudonymisation.
const Method = "HMAC-SHA256"

// Prefix starts every pseudonym, so a reader sees it is one.
const Prefix = "P-"

// keyBytes is the length of a generated key.
const keyBytes = 32

// SampleKey is the fixed key of the built-in sample organisation, so its
// demo reports are the same on every machine. Never use it for real data.
var SampleKey = []byte("avgaudit sample organisation - synthetic data only")

// Pseudonymiser makes pseudonyms under one key.
type Pseudonymiser struct {
	key []byte
	// macs keeps HMACs under key for reuse: a report pseudonymises every
	// finding as it is written, and making one costs as much as using it.
	macs *sync.Pool
}

// New returns a Pseudonymiser for key (at least 16 bytes).
func New(key []byte) (*Pseudonymiser, error) {
	if len(key) < 16 {
		return nil, vocab.Errorf("pseudoniemsleutel van %d bytes is te kort: minstens 16 nodig", "pseudonym key of %d bytes is too short: want at least 16", len(key))
	}
	k := append([]byte(nil), key...)
	return &Pseudonymiser{key: k, macs: &sync.Pool{New: func() any { return hmac.New(sha256.New, k) }}}, nil
}

// Of returns the pseudonym of the record with key recordKey in table:
// "P-" and 12 letters (48 bits, so that two records of one organisation
// practically never share one).
//
// The letters are the first 12 hex digits of the MAC, each written as a
// letter of alphabet. A pseudonym holds no digit: the BSN masker, which
// masks every 9-digit number in a report, can never touch it (avgaudit up
// to schema 2 wrote the hex digits themselves, and "P-ea123456789b" became
// "P-ea*****6789b"; see Upgrade and Repair for those runs).
func (p *Pseudonymiser) Of(table, recordKey string) string {
	return Prefix + letters(p.mac("record\x00" + table + "\x00" + recordKey)[:12])
}

// alphabet writes hex digit i as alphabet[i]: consonants only, so that a
// pseudonym spells no word and holds no digit.
const alphabet = "bcdfghjkmnpqrstz"

// letters writes the hex digits h in alphabet.
func letters(h string) string {
	b := []byte(h)
	for i, c := range b {
		switch {
		case '0' <= c && c <= '9':
			b[i] = alphabet[c-'0']
		case 'a' <= c && c <= 'f':
			b[i] = alphabet[c-'a'+10]
		}
	}
	return string(b)
}

// hexDigits is the inverse of letters.
func hexDigits(l string) string {
	b := []byte(l)
	for i, c := range b {
		if k := strings.IndexByte(alphabet, c); k >= 0 {
			b[i] = "0123456789abcdef"[k]
		}
	}
	return string(b)
}

// KeyID is a fingerprint of the key, not the key: two runs with the same
// KeyID used the same key.
func (p *Pseudonymiser) KeyID() string {
	return p.mac("key-id")[:16]
}

func (p *Pseudonymiser) mac(msg string) string {
	h := p.macs.Get().(hash.Hash)
	defer p.macs.Put(h)
	h.Reset()
	h.Write([]byte(msg))
	var sum [sha256.Size]byte
	return hex.EncodeToString(h.Sum(sum[:0]))
}

// Load reads the key in the file at path (hex, one line). found is false,
// without an error, when there is no such file.
func Load(path string) (p *Pseudonymiser, found bool, err error) {
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, vocab.Wrapf(err, "lees de pseudoniemsleutel", "read pseudonym key")
	}
	key, err := hex.DecodeString(strings.TrimSpace(string(b)))
	if err != nil {
		return nil, false, vocab.Errorf("lees de pseudoniemsleutel %s: geen sleutel die avgaudit schreef (hexadecimale cijfers op één regel): %w", "read pseudonym key %s: not a key written by avgaudit (hex digits on one line): %w", path, err)
	}
	if p, err = New(key); err != nil {
		return nil, false, vocab.Wrapf(err, "lees de pseudoniemsleutel %s", "read pseudonym key %s", path)
	}
	return p, true, nil
}

// Random returns a Pseudonymiser with a new random key; Save keeps it.
func Random() (*Pseudonymiser, error) {
	key := make([]byte, keyBytes)
	if _, err := rand.Read(key); err != nil {
		return nil, vocab.Wrapf(err, "maak een pseudoniemsleutel", "make pseudonym key")
	}
	return New(key)
}

// Save writes the key to a new file at path, readable only by the user
// (temp file, then rename, so a key file is never half written).
func (p *Pseudonymiser) Save(path string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return vocab.Wrapf(err, "schrijf de pseudoniemsleutel", "write pseudonym key")
	}
	err := atomicfile.Write(path, 0o600, func(w io.Writer) error {
		_, err := io.WriteString(w, hex.EncodeToString(p.key)+"\n")
		return err
	})
	if err != nil {
		return vocab.Wrapf(err, "schrijf de pseudoniemsleutel %s", "write pseudonym key %s", path)
	}
	return nil
}

// LoadOrCreate reads the key in the file at path, or, when the file does
// not exist, creates it with a new random key (see Load, Random, Save).
// created says a new key was made: the caller should tell the user to keep
// the file, since next year's pseudonyms depend on it.
func LoadOrCreate(path string) (p *Pseudonymiser, created bool, err error) {
	p, found, err := Load(path)
	if err != nil || found {
		return p, false, err
	}
	if p, err = Random(); err != nil {
		return nil, false, err
	}
	if err := p.Save(path); err != nil {
		return nil, false, err
	}
	return p, true, nil
}

// FindingKey is the key of finding f of check checkID with its record key
// replaced by the pseudonym: "check|table|P-…", keeping a "#n" that numbers
// repeated keys. A record key that already is a pseudonym is kept (one of
// an earlier avgaudit is upgraded, see Upgrade), so
// pseudonymising twice changes nothing. The risk report's keys and the
// comparison with a pseudonymised earlier run both use it, so they agree.
func (p *Pseudonymiser) FindingKey(checkID string, f results.Finding) string {
	ps := Upgrade(f.RecordKey)
	if ps != "" && !pseudonymFormat.MatchString(ps) {
		ps = p.Of(f.Table, f.RecordKey)
	}
	suffix := ""
	if rest, ok := strings.CutPrefix(f.Key, checkID+"|"+f.Table+"|"+f.RecordKey); ok && repeatSuffix.MatchString(rest) {
		suffix = rest
	}
	return checkID + "|" + f.Table + "|" + ps + suffix
}

// IsPseudonym reports whether s has the form of a pseudonym.
func IsPseudonym(s string) bool { return pseudonymFormat.MatchString(s) }

var (
	repeatSuffix    = regexp.MustCompile(`^(#[0-9]+)?$`)
	pseudonymFormat = regexp.MustCompile(`^` + regexp.QuoteMeta(Prefix) + `[` + alphabet + `]{12}$`)
	// legacyFormat is a pseudonym of an earlier avgaudit in a finding key
	// (check|table|P-…, maybe #n after it): 12 hex digits.
	legacyFormat = regexp.MustCompile(`(^|\|)` + regexp.QuoteMeta(Prefix) + `([0-9a-f]{12})(#[0-9]+)?$`)
	// brokenFormat is a legacy pseudonym whose 9 digits in a row the old
	// BSN masker replaced by "*****" and their last 4.
	brokenFormat = regexp.MustCompile(`(^|\|)` + regexp.QuoteMeta(Prefix) + `([0-9a-f]{0,3})\*{5}([0-9]{4})([0-9a-f]{0,3})(#[0-9]+)?$`)
)

// Upgrade returns a finding key or record key of an earlier avgaudit's
// risk report with its pseudonym (P- and 12 hex digits) written as Of
// writes it now. It is the same MAC under the same key, so no key is
// needed and the comparison with such a run keeps its persisting
// findings. Any other key is returned as it is.
func Upgrade(key string) string {
	m := legacyFormat.FindStringSubmatchIndex(key)
	if m == nil {
		return key
	}
	return key[:m[4]-len(Prefix)] + Prefix + letters(key[m[4]:m[5]]) + key[m[5]:]
}

// Broken reports whether key is a finding key or record key whose legacy
// pseudonym the old BSN masker broke ("P-ea*****3928b").
func Broken(key string) bool {
	m := brokenFormat.FindStringSubmatch(key)
	return m != nil && len(m[2])+9+len(m[4]) == 12
}

// Repair finds, among the current keys candidates, the one that broken (see
// Broken) was before the old masker changed it: the same key with a
// pseudonym whose hex digits agree with every one still visible and have
// 9 digits in a row where the mask is. Of 10^5 hidden values, one in about
// 2^28 pseudonyms would fit by chance; a key that more than one candidate
// fits is not repaired.
func Repair(broken string, candidates []string) (string, bool) {
	m := brokenFormat.FindStringSubmatchIndex(broken)
	if m == nil || (m[5]-m[4])+9+(m[9]-m[8]) != 12 {
		return "", false
	}
	head, pre, last4, post := broken[:m[4]-len(Prefix)], broken[m[4]:m[5]], broken[m[6]:m[7]], broken[m[8]:m[9]]
	tail := broken[m[9]:]
	found := ""
	for _, c := range candidates {
		if !strings.HasPrefix(c, head+Prefix) || !strings.HasSuffix(c, tail) {
			continue
		}
		ps := c[len(head)+len(Prefix) : len(c)-len(tail)]
		if !pseudonymFormat.MatchString(Prefix + ps) {
			continue
		}
		h := hexDigits(ps)
		mid := h[len(pre) : len(pre)+9]
		if strings.HasPrefix(h, pre) && strings.HasSuffix(h, post) && strings.HasSuffix(mid, last4) &&
			strings.Trim(mid, "0123456789") == "" {
			if found != "" && found != c {
				return "", false
			}
			found = c
		}
	}
	return found, found != ""
}
