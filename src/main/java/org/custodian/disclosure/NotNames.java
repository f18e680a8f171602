package org.custodian.disclosure;

import java.util.Locale;
import java.util.Set;

/**
 * Capitalised words that are not people's names: sentence openers, clinical headings, departments,
 * titles, credentials, days and months. They stop the name rules from taking "Emergency Department"
 * or "Chief Complaint" for a person.
 */
final class NotNames {
    private static final Set<String> WORDS = Set.copyOf(java.util.Arrays.asList((""
            + "a an and are as at be been but by can could did do does for from had has have he her hers him his how i if"
            + " in into is it its may me might must my no not of on or our she should so than that the their them then"
            + " there these they this those to too up us was we were what when where which while who whom why will with"
            + " would yes you your after before during since until today tomorrow yesterday also per via all any each"
            + " other some none both either neither one two three four five six seven eight nine ten first second third"
            + " patient patients pt pts client resident member name names history present illness chief complaint"
            + " complaints social family medical surgical past review systems physical exam examination assessment plan"
            + " plans impression diagnosis diagnoses problem problems list allergies allergy medications medication"
            + " meds labs lab laboratory results result vitals vital signs imaging radiology procedure procedures"
            + " note notes report summary discharge admission admit admitted follow followup instructions disposition"
            + " hospital clinic center centre medical health healthcare care unit ward department dept service services"
            + " emergency urgent intensive icu er ed or pacu office practice group associates university college school"
            + " general memorial regional community county state national saint st mount mt north south east west"
            + " new old street avenue road drive lane court way boulevard place suite floor room bed building"
            + " cardiology neurology oncology radiology pathology pediatrics psychiatry psychology orthopedics"
            + " surgery medicine nursing pharmacy therapy rehab rehabilitation dialysis obstetrics gynecology urology"
            + " dermatology gastroenterology pulmonology nephrology endocrinology hematology infectious disease diseases"
            + " internal primary specialist consult consultation team staff attending physician provider nurse doctor"
            + " dr mr mrs ms miss mx prof rev sr jr md do rn np pa phd dds dmd lpn cna msw lcsw aprn crna pharmd dpm od"
            + " fnp dnp mrn ssn dob id dx rx hx tx sx fx cc hpi ros pmh psh fh sh a&p"
            + " monday tuesday wednesday thursday friday saturday sunday"
            + " type stage grade class level normal abnormal positive negative left right bilateral acute chronic"
            + " severe mild moderate stable unstable blood pressure heart rate pulse temperature weight height bmi"
            + " insurance medicare medicaid plan payer private self pay blue cross shield aetna cigna humana united"
            + " english spanish french chinese american african asian hispanic latino caucasian"
            + " covid sars cov influenza diabetes mellitus hypertension asthma copd cancer"
            + " alzheimer alzheimers parkinson parkinsons crohn crohns hodgkin hodgkins down graves addison cushing"
            + " tylenol advil motrin aspirin lipitor coumadin lasix zoloft prozac"
            + " known unknown active inactive current recent previous prior none negative"
            + " please thank thanks call see seen noted denies reports states stated complains"
            + " continue start stop increase decrease return home follow-up prn bid tid qid qd daily weekly monthly"
            + " mg ml kg cm mm hr min sec").split(" ")));

    private NotNames() {
    }

    static boolean contains(String word) {
        return WORDS.contains(word.toLowerCase(Locale.ROOT).replaceAll("[.'’]+$", ""));
    }
}
