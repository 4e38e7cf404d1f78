import type { AgentRouting, RoutingAgentsResponse, StaffMember } from '@ward/protocol';
import { useState } from 'react';
import { fetchAgentRouting, setAgentRouting } from '../../api/staff.ts';
import { messageOf } from '../../api/errors.ts';
import { announcementTexts } from '../../realtime/announcements.ts';
import { useLanguage } from '../../i18n/language.tsx';
import { useAnnounce } from '../../ui/Announcer.tsx';
import { ErrorMessage, Hint } from '../../ui/Field.tsx';
import { LoadError, Loading } from '../../ui/Loading.tsx';
import { Select } from '../../ui/Select.tsx';
import { Table } from '../../ui/Table.tsx';
import { useLoaded } from '../../ui/use-loaded.ts';
import { typedCapacity } from './capacity-field.ts';
import { DepartmentRoutingForm } from './DepartmentRoutingForm.tsx';
import { useStaffTexts } from './texts.ts';

const nameOf = (member: StaffMember) => `${member.firstName} ${member.lastName}`;

/** One member of staff's skills and capacity: checkboxes and a number, saved with one button. */
function RoutingForm(props: {
  member: StaffMember;
  agent: AgentRouting | undefined;
  options: RoutingAgentsResponse;
  onSaved: (agent: AgentRouting) => void;
}) {
  const { member, agent, options } = props;
  const [skills, setSkills] = useState<string[]>(agent?.skills ?? []);
  const [capacity, setCapacity] = useState(agent?.capacity === null || !agent ? '' : String(agent.capacity));
  const [problem, setProblem] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const texts = useStaffTexts();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        if (sending) return;
        const chats = typedCapacity(capacity);
        if (chats === undefined) {
          setProblem(texts.errors.memberCapacity);
          return;
        }
        setSending(true);
        setAgentRouting(member.id, { skills, capacity: chats })
          .then((saved) => {
            setProblem(null);
            props.onSaved(saved);
          })
          .catch((error: unknown) => setProblem(messageOf(error)))
          .finally(() => setSending(false));
      }}
    >
      {options.skills.length > 0 ? (
        <div className="govuk-form-group">
          <fieldset className="govuk-fieldset" aria-describedby="routing-skills-hint">
            <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">
              {texts.skillsOf(nameOf(member))}
            </legend>
            <Hint id="routing-skills-hint">{texts.skillsHint}</Hint>
            <div className="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
              {options.skills.map((skill) => (
                <div className="govuk-checkboxes__item" key={skill.id}>
                  <input
                    className="govuk-checkboxes__input"
                    id={`routing-skill-${skill.id}`}
                    type="checkbox"
                    checked={skills.includes(skill.id)}
                    onChange={(event) =>
                      setSkills(event.target.checked ? [...skills, skill.id] : skills.filter((id) => id !== skill.id))
                    }
                  />
                  <label className="govuk-label govuk-checkboxes__label" htmlFor={`routing-skill-${skill.id}`}>
                    {skill.label}
                  </label>
                </div>
              ))}
            </div>
          </fieldset>
        </div>
      ) : null}
      <div className={`govuk-form-group${problem ? ' govuk-form-group--error' : ''}`}>
        <label className="govuk-label govuk-label--s" htmlFor="routing-capacity">
          {texts.chatsAtOnceFor(nameOf(member))}
        </label>
        <Hint id="routing-capacity-hint">{texts.memberCapacityHint(options.defaultCapacity)}</Hint>
        {problem ? <ErrorMessage id="routing-capacity-error">{problem}</ErrorMessage> : null}
        <input
          className="govuk-input govuk-input--width-2"
          id="routing-capacity"
          inputMode="numeric"
          value={capacity}
          aria-describedby={`routing-capacity-hint${problem ? ' routing-capacity-error' : ''}`}
          onChange={(event) => setCapacity(event.target.value)}
        />
      </div>
      <button type="submit" className="govuk-button" data-module="govuk-button">
        {texts.saveSkills}
      </button>
    </form>
  );
}

/** The Staff page's routing section (ADR 39): everyone's status and load; an administrator sets skills and capacity. */
export function RoutingSection({ staff }: { staff: StaffMember[] }) {
  const { loaded, update } = useLoaded(fetchAgentRouting);
  const [chosen, setChosen] = useState('');
  const [chosenDepartment, setChosenDepartment] = useState('');
  const announce = useAnnounce();
  const texts = useStaffTexts();
  const statusLabels = announcementTexts[useLanguage()].statusLabels;
  if (loaded.status === 'loading') return <Loading text={texts.loadingRouting} />;
  if (loaded.status === 'error') return <LoadError message={loaded.message} />;
  const options = loaded.data;
  const agentOf = (id: string) => options.agents.find((agent) => agent.staffId === id);
  const member = staff.find((m) => m.id === chosen);
  const department = options.departments.find((d) => d.departmentId === chosenDepartment);
  const skillLabel = (id: string) => options.skills.find((skill) => skill.id === id)?.label ?? id;
  return (
    <>
      <h2 className="govuk-heading-m">{texts.routingHeading}</h2>
      <Table
        caption={texts.staffRoutingCaption}
        regionLabel={texts.staffRoutingRegion}
        rows={staff}
        rowKey={(m) => m.id}
        columns={[
          { header: texts.name, cell: (m) => nameOf(m) },
          { header: texts.status, cell: (m) => statusLabels[agentOf(m.id)?.status ?? 'offline'] },
          { header: texts.chatsNow, cell: (m) => String(agentOf(m.id)?.activeChats ?? 0) },
          {
            header: texts.chatsAtOnce,
            cell: (m) => String(agentOf(m.id)?.capacity ?? texts.defaultCapacity(options.defaultCapacity)),
          },
          { header: texts.skills, cell: (m) => (agentOf(m.id)?.skills ?? []).map(skillLabel).join(', ') || texts.none },
        ]}
      />
      <Table
        caption={texts.departmentRoutingCaption}
        regionLabel={texts.departmentRoutingRegion}
        rows={options.departments}
        rowKey={(d) => d.departmentId}
        columns={[
          { header: texts.department, cell: (d) => d.label },
          { header: texts.chatsGo, cell: (d) => texts.strategies[d.strategy] },
          {
            header: texts.chatsAtOnce,
            cell: (d) => String(d.capacity ?? texts.defaultCapacity(options.defaultCapacity)),
          },
          { header: texts.set, cell: (d) => (d.setInConsole ? texts.setHere : texts.setInFile) },
        ]}
      />
      <Select
        id="routing-department"
        label={texts.changeRoutingOf}
        labelClassName="govuk-label--s"
        options={[
          { value: '', text: texts.chooseDepartment },
          ...options.departments.map((d) => ({ value: d.departmentId, text: d.label })),
        ]}
        value={chosenDepartment}
        onValueChange={setChosenDepartment}
      />
      {department ? (
        <DepartmentRoutingForm
          key={department.departmentId}
          department={department}
          defaultCapacity={options.defaultCapacity}
          onSaved={(saved) => {
            update((data) => ({
              ...data,
              departments: data.departments.map((d) => (d.departmentId === saved.departmentId ? saved : d)),
            }));
            announce(texts.savedDepartmentRouting(saved.label, texts.strategies[saved.strategy].toLowerCase()));
          }}
        />
      ) : null}
      <p className="govuk-body">{texts.routingExplained}</p>
      <Select
        id="routing-member"
        label={texts.changeSkillsFor}
        labelClassName="govuk-label--s"
        options={[{ value: '', text: texts.chooseMember }, ...staff.map((m) => ({ value: m.id, text: nameOf(m) }))]}
        value={chosen}
        onValueChange={setChosen}
      />
      {member ? (
        <RoutingForm
          key={member.id}
          member={member}
          agent={agentOf(member.id)}
          options={options}
          onSaved={(saved) => {
            update((data) => ({
              ...data,
              agents: [...data.agents.filter((a) => a.staffId !== saved.staffId), saved],
            }));
            announce(texts.savedMemberRouting(nameOf(member)));
          }}
        />
      ) : null}
    </>
  );
}
