package org.custodian.disclosure;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The identifiers that have a shape: e-mail, URL, IP, SSN, phone and fax, labelled record, account
 * and licence numbers, other long identifying codes, dates, street addresses and ages over 89.
 * A rule with a capture group marks only that group (the label before it stays).
 */
final class PatternDetectors {
    private static final String MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
            + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";
    private static final String ORDINAL = "\\d{1,2}(?:st|nd|rd|th)?";
    private static final String STREET_TYPE = "(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Lane|Ln|Drive|Dr|Court|Ct"
            + "|Way|Place|Pl|Terrace|Ter|Circle|Cir|Parkway|Pkwy|Highway|Hwy|Square|Sq|Trail|Trl|Row|Loop|Path|Pike"
            + "|Crossing|Alley|Run|Point|Ridge|Hill|Heights)";
    private static final String STATE = "(?:A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]"
            + "|PA|RI|S[CD]|T[NX]|UT|V[TA]|W[AVIY]|PR|GU|VI|Alabama|Alaska|Arizona|Arkansas|California|Colorado"
            + "|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana"
            + "|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada"
            + "|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon"
            + "|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia"
            + "|Washington|West Virginia|Wisconsin|Wyoming)";
    private static final String PLACE_WORD = "[A-Z][a-zA-Z'.-]+";
    private static final String CODE = "([A-Za-z0-9][A-Za-z0-9-]{2,}[0-9][A-Za-z0-9-]*)";
    private static final String LABEL_GAP = "\\s*(?:number|num|no\\.?|#|id|ID)?\\s*(?:is|was|of)?\\s*[:#]?\\s*";

    private record Rule(PhiType type, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule(PhiType.EMAIL, "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+"),
            rule(PhiType.URL, "(?i)\\b(?:https?://|ftp://|www\\.)[^\\s<>\"')\\]]+[^\\s<>\"')\\].,;:!?]"),
            rule(PhiType.URL, "(?i)\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|org|net|edu|gov|io|health|us)(?:/[^\\s<>\"']*[^\\s<>\"'.,;:!?])?\\b"),
            rule(PhiType.IP, "\\b(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\b"),
            rule(PhiType.IP, "(?i)\\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\\b|\\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}:?){1,6}\\b"),
            rule(PhiType.SSN, "\\b\\d{3}-\\d{2}-\\d{4}\\b"),
            rule(PhiType.SSN, "(?i)\\b(?:SSN|social security(?: number| no\\.?)?|SS#)" + LABEL_GAP + "(\\d{3}[ -]?\\d{2}[ -]?\\d{4})\\b"),
            rule(PhiType.FAX, "(?i)\\bfax(?:ed)?(?: number| no\\.?| line)?(?: to| at)?\\s*[:#]?\\s*((?:\\+?1[\\s.-]?)?\\(?\\d{3}\\)?[\\s.-]?\\d{3}[\\s.-]?\\d{4})\\b"),
            rule(PhiType.PHONE, "(?<![\\d-])(?:\\+?1[\\s.-]?)?(?:\\(\\d{3}\\)\\s?|\\d{3}[\\s.-])\\d{3}[\\s.-]\\d{4}\\b(?:\\s*(?:x|ext\\.?)\\s*\\d{1,5})?"),
            rule(PhiType.PHONE, "(?i)\\b(?:phone|tel|telephone|cell|mobile|pager|beeper|call(?: back)?(?: at)?)" + LABEL_GAP + "(\\d{7,11})\\b"),
            rule(PhiType.MRN, "(?i)\\b(?:MRN|MR#|medical record|record|chart|patient id|pt id|hospital (?:no|number))" + LABEL_GAP + CODE),
            rule(PhiType.ACCOUNT, "(?i)\\b(?:account|acct|billing|invoice|claim|policy|member|subscriber|beneficiary|health plan|insurance id|group)" + LABEL_GAP + CODE),
            rule(PhiType.LICENSE, "\\b(?:(?i:licen[cs]e|driver'?s licen[cs]e|certificate|cert\\.?|permit|plate|vehicle|serial|device|implant|passport)|DL|DEA|NPI|VIN)" + LABEL_GAP + CODE),
            rule(PhiType.ID, "\\b[A-Z]{1,4}-?\\d{5,}[A-Z]?\\b"),
            rule(PhiType.ID, "(?<![\\d.,/-])\\d{7,}(?![\\d.,]\\d)"),
            rule(PhiType.DATE, "\\b\\d{4}-\\d{1,2}-\\d{1,2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?\\b"),
            rule(PhiType.DATE, "(?<![\\d/])\\d{1,2}/\\d{1,2}/(?:\\d{4}|\\d{2})\\b"),
            rule(PhiType.DATE, "(?<![\\d-])\\d{1,2}-\\d{1,2}-(?:\\d{4}|\\d{2})\\b(?!-)"),
            rule(PhiType.DATE, "(?<![\\d.])\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b"),
            rule(PhiType.DATE, "\\b" + MONTH + "\\.?\\s+" + ORDINAL + "(?:,?\\s+\\d{4})?\\b"),
            rule(PhiType.DATE, "\\b" + ORDINAL + "\\s+(?:of\\s+)?" + MONTH + "\\.?(?:,?\\s+\\d{4})?\\b"),
            rule(PhiType.DATE, "\\b" + MONTH + "\\.?,?\\s+\\d{4}\\b"),
            rule(PhiType.DATE, "(?<![\\d/])\\d{1,2}/\\d{4}\\b"),
            rule(PhiType.ADDRESS, "(?i:p\\.?\\s?o\\.?\\s+box)\\s+\\d+"),
            rule(PhiType.ADDRESS, "\\b\\d{1,6}[A-Z]?\\s+(?:[NSEW]\\.?\\s+)?(?:" + PLACE_WORD + "\\s+){0,3}" + PLACE_WORD + "\\s+"
                    + STREET_TYPE + "\\b\\.?(?:,?\\s+(?:Apt|Apartment|Unit|Suite|Ste|Floor|Fl|#)\\.?\\s*#?\\w+)?"),
            rule(PhiType.ADDRESS, "\\b(?:" + PLACE_WORD + "\\s){0,2}" + PLACE_WORD + ",\\s*" + STATE + ",?\\s+\\d{5}(?:-\\d{4})?\\b"),
            rule(PhiType.ADDRESS, "\\b(?:" + PLACE_WORD + "\\s){0,2}" + PLACE_WORD + ",\\s*" + STATE + "\\b(?=[\\s.,;)]|$)"),
            rule(PhiType.ADDRESS, "(?i)\\b(?:zip(?: code)?|postal code)\\s*[:#]?\\s*(\\d{5}(?:-\\d{4})?)\\b"),
            rule(PhiType.ADDRESS, "\\b(?i:lives|living|resides|residing|resident|located|moved|relocated|born|home) (?i:at|in|to|on)\\s+((?:[A-Z][a-zA-Z'.-]+\\s){0,2}[A-Z][a-zA-Z'.-]+)"),
            rule(PhiType.ADDRESS, "\\b(?i:lives|living|resides|residing|address(?: is)?|located|moved|relocated)\\s*(?i:at|in|on|to)?\\s*:?\\s*(\\d{1,6}\\s[^,\\n;]{2,60})"),
            rule(PhiType.AGE, "(?i)\\b((?:9\\d|1[0-4]\\d))(?=[- ]?(?:years?|yrs?|y)[- ]?(?:old|o\\b|/o)|\\s?(?:yo|y/o|y\\.o\\.)\\b|-year-old|[- ]year[- ]old)"),
            rule(PhiType.AGE, "(?i)\\b(?:age[d]?|aged)\\s*[:]?\\s*((?:9\\d|1[0-4]\\d))\\b"),
            rule(PhiType.AGE, "(?i)\\b((?:9\\d|1[0-4]\\d))(?=\\s+(?:years?|yrs?) of age)"),
            rule(PhiType.AGE, "(?i)\\b(?:nonagenarian|centenarian)\\b"));

    private PatternDetectors() {
    }

    private static Rule rule(PhiType type, String regex) {
        return new Rule(type, Pattern.compile(regex));
    }

    static List<PhiSpan> find(String text) {
        List<PhiSpan> found = new ArrayList<>();
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(text);
            while (m.find()) {
                int group = m.groupCount() >= 1 && m.group(1) != null ? 1 : 0;
                if (m.end(group) > m.start(group)) {
                    found.add(new PhiSpan(m.start(group), m.end(group), rule.type()));
                }
            }
        }
        return found;
    }
}
