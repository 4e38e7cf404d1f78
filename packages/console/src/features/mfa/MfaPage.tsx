import type { MfaEnrolment, MfaStatus } from '@ward/protocol';
import { useState } from 'react';
import {
  confirmMfaEnrolment,
  fetchMfaStatus,
  regenerateRecoveryCodes,
  startMfaEnrolment,
  turnOffMfa,
} from '../../api/auth.ts';
import { messageOf } from '../../api/errors.ts';
import { paths } from '../../route-match.ts';
import { navigate } from '../../router.tsx';
import { useSession } from '../../session/session.tsx';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { TextInput } from '../../ui/Field.tsx';
import { sendIfValid } from '../../ui/form-submission.ts';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { NotificationBanner } from '../../ui/NotificationBanner.tsx';
import { PageTitle } from '../../ui/PageHeading.tsx';
import { SummaryList } from '../../ui/SummaryList.tsx';
import { useFormSubmit } from '../../ui/use-form-submit.ts';
import { useLoaded } from '../../ui/use-loaded.ts';
import { WarningText } from '../../ui/WarningText.tsx';
import { useMfaTexts } from './texts.ts';

/** The secret in groups of four, as it is easiest to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?!$)/g, '$1 ');

/**
 * The member of staff's own two-step sign-in (ADR 22): set it up (QR code, or the key typed by
 * hand), see the recovery codes once, get new ones, turn it off where it is not required.
 */
export function MfaPage() {
  const { session, refresh, signedIn } = useSession();
  const { loaded, reload } = useLoaded(fetchMfaStatus);
  const texts = useMfaTexts();
  const title = texts.title;
  const [enrolment, setEnrolment] = useState<MfaEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<{ codes: string[]; renewed: boolean } | null>(null);
  const [turnedOff, setTurnedOff] = useState(false);
  const mustEnrol = session.status === 'signed-in' && session.mfa.required && !session.mfa.enabled;

  if (recoveryCodes)
    return (
      <RecoveryCodes
        codes={recoveryCodes.codes}
        renewed={recoveryCodes.renewed}
        onStored={() => {
          setRecoveryCodes(null);
          setEnrolment(null);
          reload();
          // Only now, so the codes stay on screen: a session limited to this page opens up.
          if (mustEnrol) {
            signedIn();
            navigate(paths.chats);
          } else refresh();
        }}
      />
    );

  if (loaded.status === 'loading')
    return (
      <>
        <PageTitle title={title} />
        <Loading />
      </>
    );
  if (loaded.status === 'error')
    return (
      <>
        <PageTitle title={title} />
        <LoadError message={loaded.message} />
      </>
    );
  const status = loaded.data;

  if (enrolment)
    return (
      <Enrolment
        enrolment={enrolment}
        onCancel={() => setEnrolment(null)}
        onTurnedOn={(codes) => setRecoveryCodes({ codes, renewed: false })}
      />
    );
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {turnedOff ? <NotificationBanner success heading={texts.turnedOff} /> : null}
        <PageTitle title={title} />
        {status.enabled ? (
          <Enabled
            status={status}
            onRecoveryCodes={(codes) => setRecoveryCodes({ codes, renewed: true })}
            onTurnedOff={() => {
              setTurnedOff(true);
              reload();
              refresh();
            }}
          />
        ) : (
          <NotEnabled required={status.required} onStarted={setEnrolment} />
        )}
      </div>
    </div>
  );
}

function NotEnabled({ required, onStarted }: { required: boolean; onStarted: (e: MfaEnrolment) => void }) {
  const texts = useMfaTexts();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function start() {
    setBusy(true);
    setProblem(null);
    try {
      onStarted(await startMfaEnrolment());
    } catch (error) {
      setProblem(messageOf(error));
      setBusy(false);
    }
  }
  return (
    <>
      {problem ? <LoadError message={problem} /> : null}
      {required ? <WarningText>{texts.mustSetUp}</WarningText> : <p className="govuk-body">{texts.isOff}</p>}
      <p className="govuk-body">{texts.explained}</p>
      <button type="button" className="govuk-button" data-module="govuk-button" onClick={start} disabled={busy}>
        {texts.setUp}
      </button>
    </>
  );
}

function Enrolment({
  enrolment,
  onCancel,
  onTurnedOn,
}: {
  enrolment: MfaEnrolment;
  onCancel: () => void;
  onTurnedOn: (codes: string[]) => void;
}) {
  const texts = useMfaTexts();
  const [code, setCode] = useState('');
  const { errors, summary, hasErrors, attempt, submit } = useFormSubmit({ code: 'code' }, ['code']);
  const check = () =>
    sendIfValid(code.trim() === '' ? { code: texts.codeMissing } : {}, async () => {
      onTurnedOn((await confirmMfaEnrolment(code.trim())).recoveryCodes);
    });
  const qrCode = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrCodeSvg)}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageTitle title={texts.setUp} hasErrors={hasErrors} />
        <h2 className="govuk-heading-m">{texts.addToApp}</h2>
        <p className="govuk-body">{texts.scan}</p>
        <img src={qrCode} alt={texts.qrCodeAlt} width={200} height={200} className="ward-qr-code" />
        <p className="govuk-body">{texts.typeKey}</p>
        <p className="govuk-body">
          <code className="ward-secret" id="mfa-secret">
            {grouped(enrolment.secret)}
          </code>
        </p>
        <h2 className="govuk-heading-m">{texts.enterCodeHeading}</h2>
        <form noValidate onSubmit={(event) => void submit(event, check)}>
          <TextInput
            id="code"
            label={texts.codeLabel}
            hint={texts.codeHint}
            inputMode="numeric"
            autoComplete="one-time-code"
            spellCheck={false}
            widthClassName="govuk-input--width-10"
            value={code}
            onValueChange={setCode}
            error={errors.code}
          />
          <div className="govuk-button-group">
            <button type="submit" className="govuk-button" data-module="govuk-button">
              {texts.turnOn}
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
              {texts.cancel}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

function RecoveryCodes({ codes, renewed, onStored }: { codes: string[]; renewed: boolean; onStored: () => void }) {
  const texts = useMfaTexts();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <NotificationBanner success heading={renewed ? texts.newCodesHeading : texts.isOn}>
          <p className="govuk-body">
            {renewed ? texts.oldCodesStopped : ''}
            {texts.othersSignedOut}
          </p>
        </NotificationBanner>
        <PageTitle title={texts.yourCodes} />
        <p className="govuk-body">{texts.codesExplained}</p>
        <WarningText>{texts.storeCodes}</WarningText>
        <ol className="govuk-list govuk-list--number ward-recovery-codes" aria-label={texts.recoveryCodes}>
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <button type="button" className="govuk-button" data-module="govuk-button" onClick={onStored}>
          {texts.stored}
        </button>
      </div>
    </div>
  );
}

function Enabled({
  status,
  onRecoveryCodes,
  onTurnedOff,
}: {
  status: MfaStatus;
  onRecoveryCodes: (codes: string[]) => void;
  onTurnedOff: () => void;
}) {
  const texts = useMfaTexts();
  return (
    <>
      <SummaryList
        rows={[
          { key: texts.title, value: status.required ? texts.onRequired : texts.on },
          { key: texts.codesLeft, value: String(status.recoveryCodesLeft) },
        ]}
      />
      <CodeForm
        id="new-codes"
        heading={texts.getNewCodes}
        hint={texts.oldCodesStop}
        button={texts.getNewCodes}
        secondary
        send={async (code) => onRecoveryCodes((await regenerateRecoveryCodes(code)).recoveryCodes)}
      />
      {status.required ? null : (
        <CodeForm
          id="turn-off"
          heading={texts.turnOff}
          hint={texts.passwordOnly}
          button={texts.turnOff}
          warning
          send={async (code) => {
            await turnOffMfa(code);
            onTurnedOff();
          }}
        />
      )}
    </>
  );
}

/** A form that needs a current code from the app (new recovery codes, turning off). */
function CodeForm({
  id,
  heading,
  hint,
  button,
  secondary,
  warning,
  send,
}: {
  id: string;
  heading: string;
  hint: string;
  button: string;
  secondary?: boolean;
  warning?: boolean;
  send: (code: string) => Promise<void>;
}) {
  const texts = useMfaTexts();
  const [code, setCode] = useState('');
  const fieldId = `${id}-code`;
  const { errors, summary, attempt, submit } = useFormSubmit({ code: fieldId }, ['code']);
  const check = () => sendIfValid(code.trim() === '' ? { code: texts.codeMissing } : {}, () => send(code.trim()));
  const variant = warning ? ' govuk-button--warning' : secondary ? ' govuk-button--secondary' : '';
  return (
    <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby={`${id}-heading`}>
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m" id={`${id}-heading`}>
        {heading}
      </h2>
      <TextInput
        id={fieldId}
        label={texts.codeLabel}
        hint={hint}
        inputMode="numeric"
        autoComplete="one-time-code"
        spellCheck={false}
        widthClassName="govuk-input--width-10"
        value={code}
        onValueChange={setCode}
        error={errors.code}
      />
      <button type="submit" className={`govuk-button${variant}`} data-module="govuk-button">
        {button}
      </button>
    </form>
  );
}
