package profiles
import ("testing";"os";"github.com/avgaudit/avgaudit/ingest";"github.com/avgaudit/avgaudit/model")
func TestTmpC(t *testing.T){
 for _, f := range [][2]string{{"/tmp/init2/orgC","Kidsy_contracten.csv"}} {
  pvs, err := ingest.Preview(os.DirFS(f[0]), f[1], ingest.PreviewOptions{SampleRows: 1, DistinctValues: maxDistinct})
  if err != nil { t.Fatal(err) }
  for _, pv := range pvs {
   pv.File = f[1]
   s := sheetOf(&pv)
   var all []Candidate
   for _, tb := range model.Tables { all = append(all, fit(&tb, s, nil)) }
   weigh(all)
   for _, c := range all { if c.Matched >= 2 { t.Logf("%s: w=%.2f m=%d miss=%v cols=%v notes=%v", c.Table, c.Weight, c.Matched, c.Missing, c.Columns, c.Notes) } }
  }
 }
}
