// Writes an English DEVELOPMENT set for the de-identifier: sentences from
// templates authored here by the Vigie team (never presidio's templates,
// which make the English report set), filled with @faker-js/faker en values.
// Used to check English name precision and recall while tuning; the report
// set stays tools/deid/gen_en_eval.mjs, measured once at the end.
// Usage: node tools/deid/gen_en_dev.mjs [--fresh] OUT.jsonl [PER_TEMPLATE]
import { writeFileSync } from 'node:fs';
import { fakerEN as f } from '@faker-js/faker';

const args = process.argv.slice(2);
const freshOnly = args.includes('--fresh');
const [output, perArg] = args.filter((a) => a !== '--fresh');
if (!output) {
  console.error('usage: node tools/deid/gen_en_dev.mjs [--fresh] OUT.jsonl [PER_TEMPLATE]');
  process.exit(2);
}
const per = Number(perArg ?? 8);
f.seed(freshOnly ? 5151 : 4242);

// {first} {last} {city} {street} {phone} {mail}: labelled slots.
const templates = [
  'Patient {first} {last} was seen today for chest pain. Blood Pressure was stable.',
  'Referred by Dr. {last} for Follow Up of Type 2 Diabetes.',
  'Discharge Summary: {first} {last}, admitted on Monday with Community Acquired Pneumonia.',
  'Please call {first} at {phone} to confirm the appointment.',
  'The patient lives at {street}, {city}, with her husband {first}.',
  'Emergency Contact: {first} {last}, phone {phone}.',
  'History of Present Illness: Mr. {last} reports Shortness of Breath since Friday.',
  'Plan: Continue Metformin. Review in Clinic with Dr. {first} {last} in March.',
  'Signed by {first} {last}, MD, Internal Medicine.',
  'Results were sent to {mail} and copied to the General Practitioner.',
  'Mrs. {last} was transferred to the Intensive Care Unit in {city}.',
  'Allergies: Penicillin. Social History: lives alone in {city}, former smoker.',
  'Assessment and Plan: Acute Kidney Injury, likely Prerenal. Discussed with {first}.',
  'Nurse Note: {first} {last} refused the Evening Dose of Heparin.',
  'Follow Up Appointment at {street}, {city}. Bring all Medications.',
  'Chief Complaint: Headache. Seen by Dr. {last} and Dr. {last2}.',
  'Family History: Father had Myocardial Infarction at 55. Sister {first} has Asthma.',
  'Physical Exam: Alert and Oriented. Heart Sounds Regular. Lungs Clear.',
  'Medication Reconciliation completed with the Pharmacist on Tuesday.',
  'Contact {first} {last} ({mail}) for the Insurance Forms.',
  'Patient Name: {last}, {first}. Date of Visit: see Header.',
  'Radiology Report: CT Head without Contrast shows no Acute Findings.',
  'Spoke with the daughter, {first}, who will drive him home to {city}.',
  'Wound Care: Change Dressing Daily. Call {phone} with any Signs of Infection.',
  'Operative Note: Laparoscopic Cholecystectomy performed by Dr. {first} {last}.',
  // Third pass (branch privacy): everyday sentences written by us with full
  // addresses, lone first or last names, IBANs and dates in words, so that
  // names which are also English words (Rose, Mark, Hunter, Brown) and
  // places are seen in the shapes a free-text note or a form gives them.
  'My name is {first} {last} and my new address is {address}.',
  'Send the invoice to {first} {last}, {address}.',
  'Hi {first}, your refund went to account {iban}.',
  '{first} {last} moved from {city} last spring.',
  'Ask {first} about the {last} file before Friday.',
  'The nurse, {first}, drove {first2} {last} to {city}.',
  'Billing address: {street}, {city}. Account holder: {last}.',
  'I met {first} at {street} on {date}.',
  '{last} said the pharmacy on {street_name} was closed.',
  'Payment from {first} {last} (IBAN {iban}) was received on {date}.',
  'Our patient {first} was born on {dob} in {city}.',
  'Thanks, {first}! See you at {building} {street_name}.',
  'Mr {last} and his wife {first} live near {city}.',
  '{first} {last} is the emergency contact; the home address is {address}.',
  'Could {first} {last} please update the bank details to {iban}?',
  'Visit at home, {address}, with {first}.',
  'Letter for {first} {last}. Return to sender if not at {street}.',
  'Appointment moved to {date} at the {city} clinic for {last}.',
  'The daughter, {first} {last}, called back from {city}.',
  '{first} will bring the forms; {last} signs them.',
  'Account {iban} belongs to {first} {last}.',
  'Lives with her partner {first} in a flat on {street_name}.',
  'Ms. {last} asked whether {first} could visit.',
  'Records sent to {first} {last} at {address} on {date}.',
  'Prescription written for {first} {last}, date of birth {dob}.',
];

// A check set written after the third pass's tuning and never tuned on
// (`--fresh`): other sentence shapes, measured to see whether the rules
// generalise beyond the templates above.
const fresh = [
  'Dear {first}, thank you for your letter about {last}.',
  '{first} {last} (born {dob}) was reviewed by the Diabetes Team.',
  'Social Worker visited {first} at home on {date}; {first2} was present.',
  'Copy to: Dr {first} {last}, Cardiology, {address}.',
  'The Pharmacy in {city} will deliver to {street} every Monday.',
  'Wife ({first}) reports Confusion since the Fall on {date}.',
  'Direct Debit from {iban} failed; {last} to call back.',
  'Next of kin: {last}, {first}, {phone}.',
  'We discussed the Results with {first} {last} and her son {first2}.',
  'Transport booked from {address} to the Day Unit.',
  'Reply from {first}: happy to attend in {city} on {date}.',
  'Home visit by Nurse {last}; Blood Sugar was High.',
  '{first} {last} has moved to {city}; GP records follow.',
  'Payee: {first} {last}, IBAN {iban}, Ref 2291.',
  'Seen in Outpatients with {first2}, her partner.',
  'Please forward the MRI Report to {mail} or post it to {street}, {city}.',
  'Consent signed by {last} on behalf of {first}.',
  'Discharge Letter for {first} {last}, dictated {date}.',
  '{first} asked us to update the address to {address}.',
  'Mother {first} {last} was unable to attend; Father called from {city}.',
];

const fill = {
  first: () => ['PRENOM', f.person.firstName()],
  last: () => ['NOM', f.person.lastName()],
  last2: () => ['NOM', f.person.lastName()],
  city: () => ['VILLE', f.location.city()],
  street: () => ['ADRESSE', f.location.streetAddress()],
  phone: () => ['TEL', f.phone.number({ style: 'national' })],
  mail: () => ['MAIL', f.internet.email()],
  first2: () => ['PRENOM', f.person.firstName()],
  street_name: () => ['ADRESSE', f.location.street()],
  building: () => ['ADRESSE', f.location.buildingNumber()],
  iban: () => ['IBAN', f.finance.iban({ formatted: true })],
  date: () => ['DATE', f.date.past({ years: 3 }).toLocaleDateString('en-US', { dateStyle: 'long' })],
  dob: () => ['DATE_NAISSANCE', f.date.birthdate().toLocaleDateString('en-US', { dateStyle: 'long' })],
  // A full address gives several labelled pieces: [label, text] pairs joined.
  address: () => [
    ['ADRESSE', f.location.streetAddress()], [null, ', '], ['VILLE', f.location.city()],
    [null, ', ' + f.location.state({ abbreviated: true }) + ' '], ['ZIP', f.location.zipCode('#####')],
  ],
};

const out = [];
for (const t of freshOnly ? fresh : templates) {
  for (let n = 0; n < per; ++n) {
    let text = '';
    const entities = [];
    let at = 0;
    for (const m of t.matchAll(/\{(\w+)\}/g)) {
      text += t.slice(at, m.index);
      const got = fill[m[1]]();
      for (const [label, value] of Array.isArray(got[0]) ? got : [got]) {
        const start = Array.from(text).length;
        text += value;
        if (label) entities.push({ start, end: start + Array.from(value).length, label });
      }
      at = m.index + m[0].length;
    }
    text += t.slice(at);
    out.push(JSON.stringify({ note_text: text, entities }));
  }
}
writeFileSync(output, out.join('\n') + '\n');
console.log(`${out.length} sentences written to ${output}`);
