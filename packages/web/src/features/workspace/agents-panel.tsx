import { Button, Chip, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../app/ui/states.tsx';
import { agentsQuery, type QueueAgent, updateRouting } from './queue-api.ts';

/** The skills "next case" routes by: segments and the languages the demo's debtors speak. */
const SKILLS = ['b2b', 'b2c', 'fr', 'en'] as const;

/**
 * The supervisor's view of the agents: each one's team and skills, which decide the calls "next case" gives
 * them (no skill ticked: any call). Saved one agent at a time.
 */
export function AgentsPanel() {
  const { t } = useTranslation();
  const agents = useQuery(agentsQuery);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="agents-title" data-testid="agents-panel">
      <Title order={2} fz="md" id="agents-title" mb="xs">
        {t('workspace.agents.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('workspace.agents.help')}
      </Text>
      {agents.isPending && <LoadingState />}
      {agents.isError && <ErrorState error={agents.error} onRetry={() => void agents.refetch()} />}
      {agents.data?.length === 0 && <EmptyState title={t('workspace.agents.empty')} />}
      {agents.data && agents.data.length > 0 && (
        <Table.ScrollContainer minWidth={640}>
          <Table aria-label={t('workspace.agents.tableLabel')} verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('workspace.agents.name')}</Table.Th>
                <Table.Th>{t('workspace.agents.team')}</Table.Th>
                <Table.Th>{t('workspace.agents.skills')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {agents.data.map((agent) => (
                <AgentRow key={agent.id} agent={agent} />
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

function AgentRow({ agent }: { readonly agent: QueueAgent }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [team, setTeam] = useState(agent.team ?? '');
  const [skills, setSkills] = useState<string[]>([...agent.skills]);
  const changed =
    team.trim() !== (agent.team ?? '') || [...skills].sort().join() !== [...agent.skills].sort().join();
  const save = useMutation({
    mutationFn: () => updateRouting(agent.id, { team: team.trim() === '' ? null : team.trim(), skills }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: agentsQuery.queryKey }),
  });
  return (
    <Table.Tr data-agent={agent.id}>
      <Table.Td>
        <Text size="sm" fw={500}>
          {agent.name}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`workspace.agents.role.${agent.role}`)}
        </Text>
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          aria-label={t('workspace.agents.teamOf', { name: agent.name })}
          placeholder={t('workspace.agents.noTeam')}
          value={team}
          onChange={(event) => setTeam(event.currentTarget.value)}
        />
      </Table.Td>
      <Table.Td>
        <Chip.Group multiple value={skills} onChange={setSkills}>
          <Group gap={4} aria-label={t('workspace.agents.skillsOf', { name: agent.name })}>
            {SKILLS.map((skill) => (
              <Chip key={skill} value={skill} size="xs">
                {t(`workspace.agents.skill.${skill}`)}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
      </Table.Td>
      <Table.Td>
        <Button size="compact-sm" disabled={!changed} loading={save.isPending} onClick={() => save.mutate()}>
          {t('workspace.agents.save')}
        </Button>
        {save.isError && (
          <Text size="xs" c="red">
            {t('workspace.agents.failed')}
          </Text>
        )}
      </Table.Td>
    </Table.Tr>
  );
}
