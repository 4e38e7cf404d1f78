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

const title = 'Two-step sign-in';
const codeMissing = 'Enter the 6-digit code from your authenticator app';

/** The secret in groups of four, as it is easiest to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})(?!$)/g, '$1 ');

/**
 * The member of staff's own two-step sign-in (ADR 22): set it up (QR code, or the key typed by
 * hand), see the recovery codes once, get new ones, turn it off where it is not required.
 */
export function MfaPage() {
  const { session, refresh, signedIn } = useSession();
  const { loaded, reload } = useLoaded(fetchMfaStatus);
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
        {turnedOff ? <NotificationBanner success heading="Two-step sign-in is off" /> : null}
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
      {required ? (
        <WarningText>You must set up two-step sign-in before you can use Ward.</WarningText>
      ) : (
        <p className="govuk-body">Two-step sign-in is off for your account.</p>
      )}
      <p className="govuk-body">
        With two-step sign-in, you sign in with your password and a code from an authenticator app on your phone (such
        as Microsoft Authenticator or Google Authenticator). Someone who learns your password still cannot sign in.
      </p>
      <button type="button" className="govuk-button" data-module="govuk-button" onClick={start} disabled={busy}>
        Set up two-step sign-in
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
  const [code, setCode] = useState('');
  const { errors, summary, hasErrors, attempt, submit } = useFormSubmit({ code: 'code' }, ['code']);
  const check = () =>
    sendIfValid(code.trim() === '' ? { code: codeMissing } : {}, async () => {
      onTurnedOn((await confirmMfaEnrolment(code.trim())).recoveryCodes);
    });
  const qrCode = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrCodeSvg)}`;
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={summary} attempt={attempt} />
        <PageTitle title="Set up two-step sign-in" hasErrors={hasErrors} />
        <h2 className="govuk-heading-m">1. Add Ward to your authenticator app</h2>
        <p className="govuk-body">Scan this QR code with your authenticator app.</p>
        <img src={qrCode} alt="QR code for your authenticator app" width={200} height={200} className="ward-qr-code" />
        <p className="govuk-body">If you cannot scan it, type this key into the app instead:</p>
        <p className="govuk-body">
          <code className="ward-secret" id="mfa-secret">
            {grouped(enrolment.secret)}
          </code>
        </p>
        <h2 className="govuk-heading-m">2. Enter the code the app shows</h2>
        <form noValidate onSubmit={(event) => void submit(event, check)}>
          <TextInput
            id="code"
            label="Code from your authenticator app"
            hint="For example, 123456"
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
              Turn on two-step sign-in
            </button>
            <button type="button" className="govuk-button govuk-button--secondary" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}

function RecoveryCodes({ codes, renewed, onStored }: { codes: string[]; renewed: boolean; onStored: () => void }) {
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <NotificationBanner success heading={renewed ? 'You have new recovery codes' : 'Two-step sign-in is on'}>
          <p className="govuk-body">
            {renewed ? 'Your old recovery codes no longer work. ' : ''}Your other sessions have been signed out.
          </p>
        </NotificationBanner>
        <PageTitle title="Your recovery codes" />
        <p className="govuk-body">
          If you lose your phone, sign in with one of these codes instead of a code from the app. Each code works once.
        </p>
        <WarningText>
          Store these codes somewhere safe now, such as a password manager. You will not see them again.
        </WarningText>
        <ol className="govuk-list govuk-list--number ward-recovery-codes" aria-label="Recovery codes">
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <button type="button" className="govuk-button" data-module="govuk-button" onClick={onStored}>
          I have stored my recovery codes
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
  return (
    <>
      <SummaryList
        rows={[
          { key: 'Two-step sign-in', value: status.required ? 'On (required for your role)' : 'On' },
          { key: 'Recovery codes left', value: String(status.recoveryCodesLeft) },
        ]}
      />
      <CodeForm
        id="new-codes"
        heading="Get new recovery codes"
        hint="Your old recovery codes stop working."
        button="Get new recovery codes"
        secondary
        send={async (code) => onRecoveryCodes((await regenerateRecoveryCodes(code)).recoveryCodes)}
      />
      {status.required ? null : (
        <CodeForm
          id="turn-off"
          heading="Turn off two-step sign-in"
          hint="You will sign in with your password only."
          button="Turn off two-step sign-in"
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
  const [code, setCode] = useState('');
  const fieldId = `${id}-code`;
  const { errors, summary, attempt, submit } = useFormSubmit({ code: fieldId }, ['code']);
  const check = () => sendIfValid(code.trim() === '' ? { code: codeMissing } : {}, () => send(code.trim()));
  const variant = warning ? ' govuk-button--warning' : secondary ? ' govuk-button--secondary' : '';
  return (
    <form noValidate onSubmit={(event) => void submit(event, check)} aria-labelledby={`${id}-heading`}>
      <ErrorSummary errors={summary} attempt={attempt} />
      <h2 className="govuk-heading-m" id={`${id}-heading`}>
        {heading}
      </h2>
      <TextInput
        id={fieldId}
        label="Code from your authenticator app"
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
